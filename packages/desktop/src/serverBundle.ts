/**
 * The site server as one ES module (packages/vms-core/dist/vms.mjs, built by
 * build/serverBuilder.ts): what launchers run instead of the TypeScript sources through tsx.
 * Same code; it costs about a fifth less CPU and ~40 MiB less memory while recording
 * (docs/benchmarks.md, "Recording cost") and starts faster. A bundle older than its sources is
 * never run: the sources are (through tsx), so a failed build cannot leave old code serving.
 */
import { existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { newestMtime } from './sourceTimes';

/**
 * V8 options the site runs with. Recorded video lives outside the JS heap (ArrayBuffers held
 * for seconds by pre-buffers and live GOP caches); with V8's default old-generation start
 * size, the small heap's headroom is below the young generation's size and V8 starts a full
 * mark-compact right after the last one ended: 2.5 a second at 64 cameras, a third of the
 * main thread. A 128 MiB start lets the heap breathe: a few a minute (docs/benchmarks.md).
 */
export const SITE_V8_OPTIONS: readonly string[] = ['--initial-old-space-size=128'];

export function serverBundlePath(repoRoot: string): string {
  return join(repoRoot, 'packages/vms-core/dist/vms.mjs');
}

/** What the bundle is made from: the core's sources and what decides its dependencies. */
export function serverBundleInputs(repoRoot: string): string[] {
  return [join(repoRoot, 'packages/vms-core/src'), join(repoRoot, 'packages/vms-core/package.json'), join(repoRoot, 'pnpm-lock.yaml')];
}

/** Why the bundle cannot be run as it is (missing, or a source changed since), or undefined when it can. */
export function serverBundleStaleness(repoRoot: string): string | undefined {
  const bundle = serverBundlePath(repoRoot);
  if (!existsSync(bundle)) return `${relative(repoRoot, bundle)} is missing`;
  const built = statSync(bundle).mtimeMs;
  const changed = serverBundleInputs(repoRoot).find((input) => newestMtime(input) > built);
  return changed ? `${relative(repoRoot, changed)} changed since the last build` : undefined;
}
