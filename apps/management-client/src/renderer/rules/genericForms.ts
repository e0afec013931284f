/**
 * Drafts of the generic event forms and their bodies. Separators are control characters
 * ("\r\n"), so the form shows and takes them escaped; allowed addresses are typed one per line
 * or separated by commas. Pure.
 */
import type { CreateGenericEventBody, CreateGenericEventSourceBody, GenericEventBody, GenericEventSourceBody } from './eventDefinitionsApi';

export interface SourceDraft {
  name: string;
  protocol: 'tcp' | 'udp';
  port: string;
  bindAddress: string;
  allowedAddresses: string;
  /** Escaped, one per entry ("\\r\\n"). */
  separators: string[];
  encoding: 'utf-8' | 'latin1' | 'utf-16le';
  maxMessageBytes: string;
  maxMessagesPerSecond: string;
  enabled: boolean;
}

const ESCAPES: Record<string, string> = { '\r': '\\r', '\n': '\\n', '\t': '\\t', '\0': '\\0', '\\': '\\\\' };
const UNESCAPES: Record<string, string> = { r: '\r', n: '\n', t: '\t', 0: '\0', '\\': '\\' };

/** "\r\n" → "\\r\\n"; other control characters as \xHH. */
export function escapeSeparator(s: string): string {
  return [...s].map((c) => ESCAPES[c] ?? (c.charCodeAt(0) < 0x20 ? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}` : c)).join('');
}

/** The reverse; undefined when an escape is not one of \r \n \t \0 \\ \xHH. */
export function unescapeSeparator(s: string): string | undefined {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = s[i + 1];
    if (next === 'x') {
      const hex = s.slice(i + 2, i + 4);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) return undefined;
      out += String.fromCharCode(parseInt(hex, 16));
      i += 3;
    } else if (next !== undefined && next in UNESCAPES) {
      out += UNESCAPES[next];
      i += 1;
    } else return undefined;
  }
  return out;
}

export function parseAddressList(text: string): string[] {
  return text.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean);
}

export const DEFAULT_SOURCE: SourceDraft = {
  name: '', protocol: 'tcp', port: '0', bindAddress: '127.0.0.1', allowedAddresses: '', separators: ['\\r\\n', '\\n'],
  encoding: 'utf-8', maxMessageBytes: '4096', maxMessagesPerSecond: '50', enabled: true,
};

export function sourceToDraft(s: GenericEventSourceBody): SourceDraft {
  return {
    name: s.name, protocol: s.protocol, port: String(s.port), bindAddress: s.bindAddress, allowedAddresses: s.allowedAddresses.join('\n'),
    separators: s.separators.map(escapeSeparator), encoding: s.encoding, maxMessageBytes: String(s.maxMessageBytes),
    maxMessagesPerSecond: String(s.maxMessagesPerSecond), enabled: s.enabled,
  };
}

/** Problems the form sees by field; the site checks addresses, ports in use and limits. */
export function sourceProblems(d: SourceDraft): Map<string, string> {
  const out = new Map<string, string>();
  if (d.name.trim() === '') out.set('name', 'The listener needs a name.');
  const port = Number(d.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) out.set('port', '0 (any free port) to 65535.');
  d.separators.forEach((s, i) => {
    const raw = unescapeSeparator(s);
    if (raw === undefined) out.set(`separators[${i}]`, 'Use \\r \\n \\t \\0 \\\\ or \\xHH for special characters.');
    else if (raw === '') out.set(`separators[${i}]`, 'A separator cannot be empty.');
  });
  for (const f of ['maxMessageBytes', 'maxMessagesPerSecond'] as const) {
    if (!Number.isInteger(Number(d[f])) || Number(d[f]) < 1) out.set(f, 'A whole number above 0.');
  }
  return out;
}

export function draftToSourceBody(d: SourceDraft): Required<CreateGenericEventSourceBody> {
  return {
    name: d.name.trim(), protocol: d.protocol, port: Number(d.port), bindAddress: d.bindAddress.trim(),
    allowedAddresses: parseAddressList(d.allowedAddresses), separators: d.separators.map((s) => unescapeSeparator(s) ?? s),
    encoding: d.encoding, maxMessageBytes: Number(d.maxMessageBytes), maxMessagesPerSecond: Number(d.maxMessagesPerSecond), enabled: d.enabled,
  };
}

export interface EventDraft {
  name: string;
  description: string;
  expressionType: 'search' | 'exact' | 'regex';
  expression: string;
  caseSensitive: boolean;
  priority: string;
  /** null: every source. */
  sourceIds: string[] | null;
  enabled: boolean;
}

export const DEFAULT_EVENT: EventDraft = {
  name: '', description: '', expressionType: 'search', expression: '', caseSensitive: false, priority: '0', sourceIds: null, enabled: true,
};

export function eventToDraft(e: GenericEventBody): EventDraft {
  return {
    name: e.name, description: e.description, expressionType: e.expressionType, expression: e.expression, caseSensitive: e.caseSensitive,
    priority: String(e.priority), sourceIds: e.sourceIds.length === 0 ? null : e.sourceIds, enabled: e.enabled,
  };
}

export function eventProblems(d: EventDraft): Map<string, string> {
  const out = new Map<string, string>();
  if (d.name.trim() === '') out.set('name', 'The event needs a name.');
  if (d.expression.trim() === '') out.set('expression', 'Say what a message must contain.');
  const p = Number(d.priority);
  if (!Number.isInteger(p) || p < 0 || p > 999) out.set('priority', '0 (first) to 999.');
  if (d.sourceIds !== null && d.sourceIds.length === 0) out.set('sourceIds', 'Tick at least one listener, or choose all of them.');
  return out;
}

export function draftToEventBody(d: EventDraft): Required<CreateGenericEventBody> {
  return {
    name: d.name.trim(), description: d.description, expressionType: d.expressionType, expression: d.expression, caseSensitive: d.caseSensitive,
    priority: Number(d.priority), sourceIds: d.sourceIds ?? [], enabled: d.enabled,
  };
}
