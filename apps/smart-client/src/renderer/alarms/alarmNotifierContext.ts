/**
 * The window's AlarmNotifier, made by the shell (useAlarmNotifierService) so sounds play in any
 * workspace, and read by the Alarm Manager's sound toggle. Null until the shell's effect ran.
 */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { AlarmNotifier, AlarmNotifierSnapshot } from './alarmNotifier';

export const AlarmNotifierContext = createContext<AlarmNotifier | null>(null);

const NONE = (): (() => void) => () => undefined;
const NO_SNAPSHOT = (): AlarmNotifierSnapshot | null => null;

/** The notifier and what it shows now (muted, blocked, last sound), re-rendering on changes. */
export function useAlarmNotifier(): { notifier: AlarmNotifier | null; snapshot: AlarmNotifierSnapshot | null } {
  const notifier = useContext(AlarmNotifierContext);
  const snapshot = useSyncExternalStore(notifier?.subscribe ?? NONE, notifier?.getSnapshot ?? NO_SNAPSHOT);
  return { notifier, snapshot };
}
