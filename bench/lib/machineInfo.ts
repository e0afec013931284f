import { execFileSync } from 'node:child_process';
import { cpus, release, totalmem } from 'node:os';

export interface MachineInfo {
  cores: number;
  cpuModel: string;
  ramGiB: number;
  kernel: string;
  node: string;
  ffmpeg: string;
  chromium?: string;
}

/** What the numbers were measured on (written into every result file). */
export function machineInfo(chromium?: string): MachineInfo {
  let ffmpeg = 'unknown';
  try {
    ffmpeg = execFileSync('ffmpeg', ['-version'], { encoding: 'utf8' }).split('\n')[0]!.replace(/^ffmpeg version /, '').split(' ')[0]!;
  } catch {
    // not installed: the benchmarks that need it fail on their own
  }
  return {
    cores: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    ramGiB: Math.round(totalmem() / 2 ** 30),
    kernel: release(),
    node: process.version,
    ffmpeg,
    ...(chromium ? { chromium } : {}),
  };
}
