/** Typed events in the VS Code style: an event is a function that subscribes a listener. */
export interface Disposable {
  dispose(): void;
}

export type Event<T> = (listener: (value: T) => void) => Disposable;

export class Emitter<T> implements Disposable {
  private listeners = new Set<(value: T) => void>();
  private disposed = false;

  readonly event: Event<T> = (listener) => {
    if (this.disposed) return { dispose() {} };
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  fire(value: T): void {
    for (const l of [...this.listeners]) l(value);
  }

  get hasListeners(): boolean {
    return this.listeners.size > 0;
  }

  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
  }
}

/** Collects disposables and releases them in reverse order. */
export class DisposableStore implements Disposable {
  private items: Disposable[] = [];
  add<D extends Disposable>(d: D): D {
    this.items.push(d);
    return d;
  }
  dispose(): void {
    const items = this.items.reverse();
    this.items = [];
    for (const d of items) d.dispose();
  }
}

export function toDisposable(fn: () => void): Disposable {
  return { dispose: fn };
}
