/**
 * Everything a benchmark run must undo (child processes, temp folders), released in reverse
 * order by dispose(): at the end of a run, on an error, and on Ctrl-C (see run.ts).
 */
export class Cleanup {
  private tasks: { name: string; fn: () => Promise<void> | void }[] = [];
  private disposing: Promise<void> | undefined;

  /** Registers an undo step; the returned function runs it now and forgets it. */
  add(name: string, fn: () => Promise<void> | void): () => Promise<void> {
    const task = { name, fn };
    this.tasks.push(task);
    return async () => {
      const i = this.tasks.indexOf(task);
      if (i < 0) return;
      this.tasks.splice(i, 1);
      await task.fn();
    };
  }

  dispose(): Promise<void> {
    this.disposing ??= (async () => {
      while (this.tasks.length) {
        const task = this.tasks.pop()!;
        try {
          await task.fn();
        } catch (e) {
          console.error(`cleanup of ${task.name} failed: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
      this.disposing = undefined;
    })();
    return this.disposing;
  }
}
