import type { Cleanup } from './cleanup';

/** What run.ts hands each benchmark. */
export interface BenchContext {
  cleanup: Cleanup;
  /** Fewer, shorter cases for development (`--quick`). */
  quick: boolean;
  log(message: string): void;
}
