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
