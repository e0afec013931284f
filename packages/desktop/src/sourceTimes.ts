import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The newest modification time under a path (a file or a folder, recursively), test files left out; 0 when absent. */
export function newestMtime(path: string): number {
  const info = statSync(path, { throwIfNoEntry: false });
  if (!info) return 0;
  if (!info.isDirectory()) return /\.test\.tsx?$/.test(path) ? 0 : info.mtimeMs;
  return Math.max(info.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}
