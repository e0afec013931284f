/**
 * Quiet notices at the edge of the screen ("View Lobby was updated", "Snapshot saved"): a small
 * list with subscribe, so any part of the shell can tell the operator something without a
 * dialog. Pure; the component that shows them removes each after its time.
 */

export type NoticeKind = 'info' | 'success' | 'error';

export interface Notice {
  id: number;
  kind: NoticeKind;
  text: string;
  /** How long it stays, ms; errors stay longer because they may need reading twice. */
  ttlMs: number;
  /** ms since the epoch; with ttlMs, when it leaves. */
  createdAt: number;
}

/** More at once is noise: the oldest make room. */
export const MAX_NOTICES = 4;

export class NoticeList {
  private items: readonly Notice[] = [];
  private nextId = 1;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly now: () => number = Date.now) {}

  get notices(): readonly Notice[] {
    return this.items;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Adds a notice; the same text already showing is moved to the end instead of repeated. */
  push(text: string, kind: NoticeKind = 'info'): number {
    const ttlMs = kind === 'error' ? 10_000 : 5_000;
    const notice: Notice = { id: this.nextId++, kind, text, ttlMs, createdAt: this.now() };
    const rest = this.items.filter((n) => !(n.text === text && n.kind === kind));
    this.set([...rest, notice].slice(-MAX_NOTICES));
    return notice.id;
  }

  dismiss(id: number): void {
    if (!this.items.some((n) => n.id === id)) return;
    this.set(this.items.filter((n) => n.id !== id));
  }

  private set(items: readonly Notice[]): void {
    this.items = items;
    for (const l of [...this.listeners]) l();
  }
}
