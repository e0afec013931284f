/**
 * Adding the devices the wizard found, one after another (each addHardware probes its device,
 * and devices on one network answer better one at a time), with each device's outcome kept so
 * the table shows it and a failed one can be tried again.
 */
import { useRef, useState } from 'react';
import { queryKeys } from '@nightjar/ui';
import { useAdmin } from '../session/adminContext';
import { devicesSummary } from './deviceKinds';
import type { AddHardwareResult } from './devicesApi';
import { addHardware } from './devicesApi';
import type { AddHardwareBody } from './hardwareForms';

export interface AddItem {
  /** Stable per device (its address), so a second try replaces the first outcome. */
  key: string;
  body: AddHardwareBody;
}

export type AddState = { state: 'adding' } | { state: 'added'; result: AddHardwareResult } | { state: 'failed'; error: unknown };

export function useDeviceAdder() {
  const { client, queryClient } = useAdmin();
  const [states, setStates] = useState<Record<string, AddState>>({});
  const statesRef = useRef(states);
  statesRef.current = states;
  const [busy, setBusy] = useState(false);

  const add = async (items: readonly AddItem[]) => {
    setBusy(true);
    try {
      for (const item of items) {
        if (statesRef.current[item.key]?.state === 'added') continue;
        const set = (s: AddState) => setStates((all) => ({ ...all, [item.key]: s }));
        set({ state: 'adding' });
        try {
          set({ state: 'added', result: await addHardware(client, item.body) });
        } catch (error) {
          set({ state: 'failed', error });
        }
      }
    } finally {
      setBusy(false);
      void queryClient.invalidateQueries({ queryKey: queryKeys.configuration('hardware') });
      void queryClient.invalidateQueries({ queryKey: queryKeys.configuration('devices') });
      void queryClient.invalidateQueries({ queryKey: queryKeys.cameras(), exact: true });
    }
  };

  const added = Object.values(states).flatMap((s) => (s.state === 'added' ? [s.result] : []));
  return { states, add, busy, added, reset: () => setStates({}) };
}

export type DeviceAdder = ReturnType<typeof useDeviceAdder>;

/** The outcome cell of a device row. */
export function addStateText(s: AddState | undefined): { text: string; tone?: 'ok' | 'error' | 'warn' } {
  if (!s) return { text: '' };
  if (s.state === 'adding') return { text: 'Adding…', tone: 'warn' };
  if (s.state === 'added') {
    const others = devicesSummary(s.result.devices ?? []);
    return { text: `Added: ${s.result.cameras.length} camera${s.result.cameras.length === 1 ? '' : 's'}${others ? `, ${others}` : ''}`, tone: 'ok' };
  }
  return { text: s.error instanceof Error ? s.error.message : String(s.error), tone: 'error' };
}
