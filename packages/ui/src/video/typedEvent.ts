/**
 * A minimal typed event in the VS Code style: `onDidX(listener)` returns a disposable, so the
 * subscriber owns its subscription and dispose() of the owner clears every listener.
 */
export interface Disposable {
  dispose(): void;
}

export type Event<T> = (listener: (value: T) => void) => Disposable;

export class Emitter<T> implements Disposable {
  private listeners = new Set<(value: T) => void>();

  readonly event: Event<T> = (listener) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  fire(value: T): void {
    // A copy: a listener may unsubscribe (or dispose the player) while being called.
    for (const listener of [...this.listeners]) listener(value);
  }

  /** How many listeners are attached; tests use it to prove nothing leaks. */
  get size(): number {
    return this.listeners.size;
  }

  dispose(): void {
    this.listeners.clear();
  }
}
