/**
 * Activate / Deactivate for the selected output (setOutputState), with the state the site last
 * set and what the last command answered. "Activate" uses the output's own pulse, so testing a
 * door strike from here behaves as a rule's "on" would. Switches made elsewhere (operators,
 * rules, a pulse ending) arrive as the site's "outputState" push, so the state shown follows the relay.
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Icon, queryKeys } from '@nightjar/ui';
import type { DeviceBody } from '@nightjar/vms-core';
import { useAdmin } from '../session/adminContext';
import { Pill } from './CameraStatePills';
import { putDevice } from './deviceForms';
import { outputStatePill } from './deviceKinds';
import type { OutputCommand } from './outputSwitchText';
import { switchErrorText, switchedText } from './outputSwitchText';

type Outcome = { kind: 'ok'; text: string } | { kind: 'error'; text: string };

export function OutputControls({ output }: { output: DeviceBody }) {
  const { client, queryClient } = useAdmin();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const set = useMutation({
    mutationFn: (state: OutputCommand) => client.setOutputState(output.id, { state }),
    onMutate: () => setOutcome(null),
    onSuccess: (result, state) => {
      queryClient.setQueriesData<DeviceBody[]>({ queryKey: queryKeys.configuration('devices') }, (list) => putDevice(list, result.device));
      setOutcome({ kind: 'ok', text: switchedText(result, state, new Date()) });
    },
    onError: (e) => setOutcome({ kind: 'error', text: switchErrorText(e) }),
  });
  const pill = outputStatePill(output);
  const pulse = output.settings.pulseSeconds;
  return (
    <div className="output-controls" role="group" aria-label={`Switch ${output.name}`}>
      <span className="muted">State</span>
      {pill ? <Pill pill={pill} /> : null}
      <button type="button" className="btn btn-sm" disabled={set.isPending || !output.enabled} onClick={() => set.mutate('on')}
        title={pulse !== undefined ? `Switches it on for ${pulse} s (its pulse)` : 'Switches it on until deactivated'}>
        <Icon name="bolt" size={12} />Activate
      </button>
      <button type="button" className="btn btn-sm" disabled={set.isPending || !output.enabled} onClick={() => set.mutate('off')}>
        Deactivate
      </button>
      {set.isPending ? <span className="muted" role="status">Asking the device…</span> : null}
      {!set.isPending && outcome ? (
        <span className={outcome.kind === 'error' ? 'output-outcome field-error' : 'output-outcome muted'} role={outcome.kind === 'error' ? 'alert' : 'status'}>
          {outcome.text}
        </span>
      ) : null}
      {!output.enabled ? <span className="muted">Disabled outputs cannot be switched.</span> : null}
    </div>
  );
}
