/**
 * Events administrators define: user-defined events (raised by operators, the API or rules)
 * and generic events (raised by text packets from outside systems on TCP/UDP listeners).
 * Pure: shapes, limits and the checks that name the field at fault.
 */
import { parseIPv4 } from '../../devices/common/addressRange';
import type { ExpressionType } from './matchExpression';
import { compileMatcher } from './matchExpression';

export interface FieldProblem {
  field: string;
  message: string;
}

export interface UserDefinedEvent {
  id: string;
  name: string;
  description: string;
  createdAt: number;
  updatedAt: number;
}

export const TEXT_ENCODINGS = ['utf-8', 'latin1', 'utf-16le'] as const;
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];

/** A listener outside systems send their text messages to. */
export interface GenericEventSourceConfig {
  name: string;
  protocol: 'tcp' | 'udp';
  /** 0: any free port (the listener reports the one it got). */
  port: number;
  /** Address to listen on: 127.0.0.1 (this machine only, the default) or 0.0.0.0 (every interface). */
  bindAddress: string;
  /** IPv4 addresses or CIDR blocks ("10.0.0.0/8") allowed to send; empty: any. */
  allowedAddresses: string[];
  /** Strings that end a message on a TCP stream (and split datagrams); e.g. "\r\n". */
  separators: string[];
  encoding: TextEncodingName;
  /** Longer messages are dropped (and logged) rather than matched. */
  maxMessageBytes: number;
  /** Per sending address; beyond it messages are dropped and the flood logged once per second. */
  maxMessagesPerSecond: number;
  enabled: boolean;
}

export interface GenericEventSource extends GenericEventSourceConfig {
  id: string;
  createdAt: number;
  updatedAt: number;
}

export interface GenericEventInput {
  name: string;
  description: string;
  expressionType: ExpressionType;
  expression: string;
  caseSensitive: boolean;
  /** 0 to 999; when several generic events match one message, only those with the lowest number are raised. */
  priority: number;
  /** Sources whose messages are matched; empty: every source. */
  sourceIds: string[];
  enabled: boolean;
}

export interface GenericEvent extends GenericEventInput {
  id: string;
  createdAt: number;
  updatedAt: number;
}

export const DEFINED_EVENT_LIMITS = {
  nameMaxLength: 100,
  descriptionMaxLength: 1000,
  maxPriority: 999,
  maxSeparators: 8,
  maxSeparatorLength: 8,
  maxAllowedAddresses: 256,
  maxMessageBytes: 64 * 1024,
  maxMessagesPerSecond: 10_000,
} as const;

export const defaultGenericSource: Omit<GenericEventSourceConfig, 'name' | 'protocol' | 'port'> = {
  bindAddress: '127.0.0.1', allowedAddresses: [], separators: ['\r\n', '\n'], encoding: 'utf-8',
  maxMessageBytes: 4096, maxMessagesPerSecond: 50, enabled: true,
};

export function nameProblem(name: string, description: string | undefined): FieldProblem | undefined {
  const L = DEFINED_EVENT_LIMITS;
  if (name.trim() === '' || name.length > L.nameMaxLength) return { field: 'name', message: `1 to ${L.nameMaxLength} characters` };
  if (description !== undefined && description.length > L.descriptionMaxLength) return { field: 'description', message: `at most ${L.descriptionMaxLength} characters` };
  return undefined;
}

/** An IPv4 address, or a CIDR block as [network, prefix length]; undefined when neither. */
function parseAllowed(entry: string): [number, number] | undefined {
  const [addr, bits, ...rest] = entry.split('/');
  const ip = parseIPv4(addr ?? '');
  if (ip === undefined || rest.length > 0) return undefined;
  if (bits === undefined) return [ip, 32];
  if (!/^\d{1,2}$/.test(bits) || Number(bits) > 32) return undefined;
  return [ip, Number(bits)];
}

/** Whether an allowed-addresses entry is an IPv4 address or CIDR block. */
export function isAllowedAddressEntry(entry: string): boolean {
  return parseAllowed(entry) !== undefined;
}

const maskOf = (bits: number) => (bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0);

/** Whether a sender may send; IPv4 addresses written IPv6-mapped ("::ffff:10.0.0.1") count as IPv4. */
export function addressAllowed(address: string, allowed: readonly string[]): boolean {
  if (allowed.length === 0) return true;
  const ip = parseIPv4(address.replace(/^::ffff:/i, ''));
  if (ip === undefined) return false;
  return allowed.some((entry) => {
    const parsed = parseAllowed(entry);
    if (!parsed) return false;
    const mask = maskOf(parsed[1]);
    return ((ip & mask) >>> 0) === ((parsed[0] & mask) >>> 0);
  });
}

export function genericSourceProblem(s: GenericEventSourceConfig): FieldProblem | undefined {
  const L = DEFINED_EVENT_LIMITS;
  const named = nameProblem(s.name, undefined);
  if (named) return named;
  if (s.protocol !== 'tcp' && s.protocol !== 'udp') return { field: 'protocol', message: 'tcp or udp' };
  if (!Number.isInteger(s.port) || s.port < 0 || s.port > 65535) return { field: 'port', message: '0 (any free port) to 65535' };
  if (parseIPv4(s.bindAddress) === undefined) return { field: 'bindAddress', message: `"${s.bindAddress}" is not an IPv4 address` };
  if (s.allowedAddresses.length > L.maxAllowedAddresses) return { field: 'allowedAddresses', message: `at most ${L.maxAllowedAddresses} entries` };
  const bad = s.allowedAddresses.findIndex((a) => parseAllowed(a) === undefined);
  if (bad >= 0) return { field: `allowedAddresses[${bad}]`, message: `"${s.allowedAddresses[bad]}" is not an IPv4 address or CIDR block` };
  if (s.protocol === 'tcp' && s.separators.length === 0) return { field: 'separators', message: 'a TCP stream needs at least one separator to end its messages' };
  if (s.separators.length > L.maxSeparators) return { field: 'separators', message: `at most ${L.maxSeparators} separators` };
  const sep = s.separators.findIndex((x) => x.length === 0 || x.length > L.maxSeparatorLength);
  if (sep >= 0) return { field: `separators[${sep}]`, message: `1 to ${L.maxSeparatorLength} characters` };
  if (!TEXT_ENCODINGS.includes(s.encoding)) return { field: 'encoding', message: `one of ${TEXT_ENCODINGS.join(', ')}` };
  if (!Number.isInteger(s.maxMessageBytes) || s.maxMessageBytes < 16 || s.maxMessageBytes > L.maxMessageBytes) {
    return { field: 'maxMessageBytes', message: `16 to ${L.maxMessageBytes}` };
  }
  if (!Number.isInteger(s.maxMessagesPerSecond) || s.maxMessagesPerSecond < 1 || s.maxMessagesPerSecond > L.maxMessagesPerSecond) {
    return { field: 'maxMessagesPerSecond', message: `1 to ${L.maxMessagesPerSecond}` };
  }
  return undefined;
}

export function genericEventProblem(e: GenericEventInput, sourceIds: ReadonlySet<string>): FieldProblem | undefined {
  const named = nameProblem(e.name, e.description);
  if (named) return named;
  const m = compileMatcher(e.expressionType, e.expression, e.caseSensitive);
  if (typeof m === 'string') return { field: 'expression', message: m };
  if (!Number.isInteger(e.priority) || e.priority < 0 || e.priority > DEFINED_EVENT_LIMITS.maxPriority) {
    return { field: 'priority', message: `0 (first) to ${DEFINED_EVENT_LIMITS.maxPriority}` };
  }
  const bad = e.sourceIds.findIndex((id) => !sourceIds.has(id));
  if (bad >= 0) return { field: `sourceIds[${bad}]`, message: `generic event source ${e.sourceIds[bad]} does not exist` };
  return undefined;
}
