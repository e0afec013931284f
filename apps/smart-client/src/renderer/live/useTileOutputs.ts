/**
 * The outputs of a tile's camera's hardware the operator may switch, and switching one: the
 * answer goes into every cached device list at once; after a pulse the lists are read again
 * when it ends, so the state shown follows the relay back. Device lists refresh on the site's
 * "devices" push too (renamed, disabled, hardware updated).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { camerasQuery, currentUserQuery, devicesQuery, queryKeys } from '@nightjar/ui';
import type { CameraBody, DeviceBody } from '@nightjar/ui';
import { useSite } from '../session/siteContext';
import { canSwitchOutputs, offeredOutputs, switchProblem, switchedLine } from './tileOutputs';

/** While the panel is open, others' switches (operators, rules) show within this long. */
const OPEN_POLL_MS = 5_000;

export function useTileOutputs(camera: CameraBody, o: { open: boolean }) {
  const { client } = useSite();
  const me = useQuery(currentUserQuery(client)).data;
  const cameras = useQuery(camerasQuery(client)).data ?? [];
  const allowed = camera.enabled && canSwitchOutputs(me, cameras, camera.hardwareId);
  const devices = useQuery({
    ...devicesQuery(client, { hardwareId: camera.hardwareId, kind: 'output' }),
    enabled: allowed,
    refetchInterval: o.open ? OPEN_POLL_MS : false,
  });
  return { outputs: allowed ? offeredOutputs(devices.data) : [], loading: allowed && devices.isPending };
}

export type OutputLine = { kind: 'ok' | 'error'; text: string };

export function useOutputSwitch() {
  const { client } = useSite();
  const queryClient = useQueryClient();
  const [line, setLine] = useState<OutputLine | null>(null);
  const [pulseEnds, setPulseEnds] = useState<number | null>(null);
  const set = useMutation({
    mutationFn: ({ output, state }: { output: DeviceBody; state: 'on' | 'off' }) => client.setOutputState(output.id, { state }),
    onMutate: () => setLine(null),
    onSuccess: (result, { state }) => {
      queryClient.setQueriesData<DeviceBody[]>({ queryKey: queryKeys.configuration('devices') }, (list) => list?.map((d) => (d.id === result.device.id ? result.device : d)));
      setLine({ kind: 'ok', text: switchedLine(result, state) });
      setPulseEnds(result.pulseSeconds !== undefined ? Date.now() + result.pulseSeconds * 1000 : null);
    },
    onError: (e) => setLine({ kind: 'error', text: switchProblem(e) }),
  });
  useEffect(() => {
    if (pulseEnds === null) return;
    const timer = setTimeout(() => void queryClient.invalidateQueries({ queryKey: queryKeys.configuration('devices') }), Math.max(0, pulseEnds - Date.now()) + 300);
    return () => clearTimeout(timer);
  }, [pulseEnds, queryClient]);
  return {
    line,
    /** The output a command is on its way for. */
    busyId: set.isPending ? set.variables.output.id : null,
    switchTo: (output: DeviceBody, state: 'on' | 'off') => set.mutate({ output, state }),
  };
}
