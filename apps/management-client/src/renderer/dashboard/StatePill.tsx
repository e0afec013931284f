/** A state in its tone (admin.css `.state-pill`): streaming, lost, recording, a job's state. */
import type { ToneLabel } from './statusTone';

export function StatePill({ state }: { state: ToneLabel }) {
  return <span className="state-pill" data-tone={state.tone === 'idle' ? undefined : state.tone}>{state.label}</span>;
}
