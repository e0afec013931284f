/**
 * The outputs of a tile's camera's hardware the operator may switch, and switching one: the
 * answer goes into every cached device list at once. Switches made elsewhere (other operators,
 * rules, a pulse ending) arrive as the site's "outputState" push, and device lists refresh on
 * its "devices" push (renamed, disabled, hardware updated), so nothing polls.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { camerasQuery, currentUserQuery, devicesQuery, queryKeys } from '@nightjar/ui';
import type { CameraBody, DeviceBody } from '@nightjar/ui';
import { useSite } from '../session/siteContext';
import { canSwitchOutputs, offeredOutputs, switchProblem, switchedLine } from './tileOutputs';

export function useTileOutputs(camera: CameraBody) {
  const { client } = useSite();
  const me = useQuery(currentUserQuery(client)).data;
  const cameras = useQuery(camerasQuery(client)).data ?? [];
  const allowed = camera.enabled && canSwitchOutputs(me, cameras, camera.hardwareId);
  const devices = useQuery({
    ...devicesQuery(client, { hardwareId: camera.hardwareId, kind: 'output' }),
    enabled: allowed,
  });
  return { outputs: allowed ? offeredOutputs(devices.data) : [], loading: allowed && devices.isPending };
}

export type OutputLine = { kind: 'ok' | 'error'; text: string };

export function useOutputSwitch() {
  const { client } = useSite();
  const queryClient = useQueryClient();
  const [line, setLine] = useState<OutputLine | null>(null);
  const set = useMutation({
    mutationFn: ({ output, state }: { output: DeviceBody; state: 'on' | 'off' }) => client.setOutputState(output.id, { state }),
    onMutate: () => setLine(null),
    onSuccess: (result, { state }) => {
      queryClient.setQueriesData<DeviceBody[]>({ queryKey: queryKeys.configuration('devices') }, (list) => list?.map((d) => (d.id === result.device.id ? result.device : d)));
      setLine({ kind: 'ok', text: switchedLine(result, state) });
    },
    onError: (e) => setLine({ kind: 'error', text: switchProblem(e) }),
  });
  return {
    line,
    /** The output a command is on its way for. */
    busyId: set.isPending ? set.variables.output.id : null,
    switchTo: (output: DeviceBody, state: 'on' | 'off') => set.mutate({ output, state }),
  };
}
