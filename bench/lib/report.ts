import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Cleanup } from './cleanup';
import { REPO_ROOT } from './siteProcess';

export const RESULTS_DIR = path.join(REPO_ROOT, 'bench', 'results');

/** A temp folder removed at cleanup. */
export function tempDir(cleanup: Cleanup, prefix: string): { dir: string; remove: () => Promise<void> } {
  const dir = mkdtempSync(path.join(tmpdir(), `nightjar-bench-${prefix}-`));
  const remove = cleanup.add(`temp ${dir}`, () => rmSync(dir, { recursive: true, force: true }));
  return { dir, remove };
}

export function writeResult(name: string, data: unknown): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.json`);
  writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
  return file;
}

/** A plain-text table with right-aligned columns, Markdown-compatible. */
export function formatTable(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padStart(widths[i]!)).join(' | ')} |`;
  return [line(cells[0]!), `|${widths.map((w) => `${'-'.repeat(w + 1)}:`).join('|')}|`, ...cells.slice(1).map(line)].join('\n');
}

export const fixed = (n: number, digits = 2): string => (Number.isFinite(n) ? n.toFixed(digits) : '–');
export const mib = (bytes: number): number => bytes / 2 ** 20;

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/** The load on the machine while measuring (other work shares the two cores). */
export function machineNote(busy: number, load: number): string {
  return `machine ${Math.round(busy * 100)}% busy, load ${load.toFixed(2)}`;
}
