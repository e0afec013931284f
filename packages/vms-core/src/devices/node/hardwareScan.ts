/**
 * Address-range scan for "Add hardware": which addresses answer on which ports, as which
 * driver, with which of the credentials to try. It only reports; adding is addHardware's job.
 *
 * Each address:port is first tried with a bare TCP connect, so closed ports and silent
 * addresses cost one short timeout instead of a probe per driver and credential. Work runs
 * `concurrency` address:port pairs at a time; every request is bounded by `timeoutMs` and
 * every probe by a few times that.
 */
import { createConnection } from 'node:net';
import { VmsError, errorMessage, isVmsError } from '../../base/common/errors';
import type { AddHardwareRequest, Credentials, HardwareInfo } from '../common/types';
import type { ProbeOptions } from './drivers';

export type ScanDriver = 'onvif' | 'rtsp';

export interface ScanPlan {
  addresses: string[];
  ports: number[];
  /** Drivers to try on every open port, in order. */
  drivers: ScanDriver[];
  /** ONVIF device service over http, https or both. */
  protocols: ('http' | 'https')[];
  /** RTSP paths to DESCRIBE, e.g. "/stream1". */
  rtspPaths: string[];
  /** Tried in order until one is accepted; an empty entry means without credentials. */
  credentials: Credentials[];
  /** For the TCP connect and each request of a probe; a whole probe gets a few times this. */
  timeoutMs: number;
  concurrency: number;
}

export interface FoundDevice {
  address: string;
  port: number;
  driver: ScanDriver;
  /** What addHardware takes as `address` for this driver. */
  deviceAddress: string;
  manufacturer?: string;
  model?: string;
  firmware?: string;
  serial?: string;
  cameras: number;
  /** Which of the plan's credentials the device accepted; null when it refused all of them. */
  credentialIndex: number | null;
  /** Set when every credential was refused: the device is there, signing in is not. */
  error?: { code: string; message: string };
}

export interface ScanDeps {
  probe: (req: AddHardwareRequest, options: ProbeOptions) => Promise<HardwareInfo>;
  portOpen?: (host: string, port: number, timeoutMs: number) => Promise<boolean>;
}

/** Connects and hangs up: true when something accepts connections on the port. */
export function tcpPortOpen(host: string, port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    const done = (open: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(open);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * A whole probe may take this many answers' time: ONVIF asks several questions in a row
 * (clock, identity, services, profiles, a stream URI per profile).
 */
const ANSWERS_PER_PROBE = 4;

/** One probe: each request bounded by `timeoutMs`, the whole given up after a few times that. */
async function probeWithin(deps: ScanDeps, req: AddHardwareRequest, timeoutMs: number): Promise<HardwareInfo> {
  const limitMs = timeoutMs * ANSWERS_PER_PROBE;
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const e = new VmsError('VMS_ERR_DEVICE_UNREACHABLE', `the probe took longer than ${limitMs} ms`);
      controller.abort(e);
      reject(e);
    }, limitMs);
  });
  try {
    return await Promise.race([deps.probe(req, { timeoutMs, signal: controller.signal }), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Tries the credentials in order at one device address: the first accepted wins; a refusal
 * moves on to the next; anything else (not this driver, no answer) ends the attempt.
 */
async function tryCredentials(
  deps: ScanDeps, plan: ScanPlan, driver: ScanDriver, deviceAddress: string, at: { address: string; port: number },
): Promise<FoundDevice | undefined> {
  const credentials = plan.credentials.length > 0 ? plan.credentials : [{}];
  let refused: VmsError | undefined;
  for (const [index, c] of credentials.entries()) {
    try {
      const info = await probeWithin(deps, { driver, address: deviceAddress, ...c }, plan.timeoutMs);
      return {
        ...at, driver, deviceAddress: driver === 'onvif' ? info.address : deviceAddress, cameras: info.cameras.length, credentialIndex: index,
        ...(info.manufacturer ? { manufacturer: info.manufacturer } : {}), ...(info.model ? { model: info.model } : {}),
        ...(info.firmware ? { firmware: info.firmware } : {}), ...(info.serial ? { serial: info.serial } : {}),
      };
    } catch (e) {
      if (!isVmsError(e, 'VMS_ERR_DEVICE_AUTH')) return undefined;
      refused = e;
    }
  }
  return { ...at, driver, deviceAddress, cameras: 0, credentialIndex: null, error: { code: refused!.code, message: errorMessage(refused) } };
}

async function scanPort(deps: ScanDeps, plan: ScanPlan, address: string, port: number): Promise<FoundDevice[]> {
  const portOpen = deps.portOpen ?? tcpPortOpen;
  if (!(await portOpen(address, port, plan.timeoutMs))) return [];
  const at = { address, port };
  const found: FoundDevice[] = [];
  for (const driver of plan.drivers) {
    const candidates = driver === 'onvif'
      ? plan.protocols.map((p) => `${p}://${address}:${port}/onvif/device_service`)
      : plan.rtspPaths.map((path) => `rtsp://${address}:${port}${path.startsWith('/') ? path : `/${path}`}`);
    for (const deviceAddress of candidates) {
      const device = await tryCredentials(deps, plan, driver, deviceAddress, at);
      if (device) {
        found.push(device);
        break;
      }
    }
  }
  return found;
}

export async function scanHardware(plan: ScanPlan, deps: ScanDeps): Promise<FoundDevice[]> {
  const work = plan.addresses.flatMap((address) => plan.ports.map((port) => ({ address, port })));
  const results: FoundDevice[][] = new Array(work.length);
  let next = 0;
  const worker = async () => {
    while (next < work.length) {
      const i = next++;
      results[i] = await scanPort(deps, plan, work[i]!.address, work[i]!.port);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(plan.concurrency, work.length)) }, worker));
  return results.flat();
}
