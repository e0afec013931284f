/**
 * One action of a rule: its type and the fields that type takes (cameras, seconds, bookmark
 * text, the user-defined event, the PTZ camera and preset, the output and its state, the log message). The site's
 * problem with the action ("actions[1].cameras.cameraIds[0]") shows on the card.
 */
import { useQuery } from '@tanstack/react-query';
import type { RuleActionBody, RuleActionType } from '@nightjar/vms-core';
import { Icon, ptzPresetsQuery } from '@nightjar/ui';
import { FormField } from '../components/FormField';
import { notificationProfilesQuery } from '../notifications/notificationsApi';
import { useAdmin } from '../session/adminContext';
import { IdPicker } from './IdPicker';
import { ACTIONS, actionChoices } from './ruleCatalog';
import type { ActionField } from './ruleCatalog';
import type { RuleContextData } from './useRuleContext';

export interface ActionCardProps {
  action: RuleActionBody;
  place: 'start' | 'stop';
  /** "Action 2" / "Stop action 1", for labels. */
  title: string;
  /** Whether the event came from a camera, so "the event's camera" is a choice. */
  cameraEvent: boolean;
  context: RuleContextData;
  /** The problem at a field of this action ("cameras", "preSeconds"), or of the action as a whole (""). */
  problem: (field: ActionField | '') => string | undefined;
  onChange: (action: RuleActionBody) => void;
  onRetype: (type: RuleActionType) => void;
  onRemove: () => void;
}

type TargetKind = NonNullable<RuleActionBody['cameras']>['kind'];

export function ActionCard({ action, place, title, cameraEvent, context, problem, onChange, onRetype, onRemove }: ActionCardProps) {
  const { client } = useAdmin();
  const type = action.type as RuleActionType;
  const fields = ACTIONS[type]?.fields ?? [];
  const has = (f: ActionField) => fields.includes(f);
  const presets = useQuery({ ...ptzPresetsQuery(client, action.cameraId ?? ''), enabled: has('cameraId') && !!action.cameraId });
  const profiles = useQuery({ ...notificationProfilesQuery(client), enabled: has('notificationProfileId') });
  const whole = problem('');
  const target = action.cameras;
  // Recording's buffers may be left to each camera (empty: its own pre- or post-buffer, as the default rules do); a bookmark's need seconds.
  const ownBuffer = type === 'startRecording' || type === 'stopRecording';
  const seconds = (f: 'preSeconds' | 'postSeconds', label: string) => (
    <FormField label={label} error={problem(f)} hint={ownBuffer ? `Empty: the camera's own ${f === 'preSeconds' ? 'pre' : 'post'}-buffer.` : undefined}>
      <input className="seconds" type="number" min={0} value={action[f] ?? (ownBuffer ? '' : 0)} placeholder={ownBuffer ? 'own' : undefined}
        onChange={(e) => {
          const { [f]: _old, ...rest } = action;
          onChange(ownBuffer && e.target.value === '' ? rest : { ...rest, [f]: Number(e.target.value) });
        }} />
    </FormField>
  );

  return (
    <div className="action-card" data-invalid={whole ? 'true' : undefined} role="group" aria-label={title}>
      <div className="action-card-head">
        <select aria-label={`Type of ${title.toLowerCase()}`} className="input" value={type} onChange={(e) => onRetype(e.target.value as RuleActionType)}>
          {[...new Set([...actionChoices(place), type])].map((t) => <option key={t} value={t}>{ACTIONS[t]?.label ?? t}{ACTIONS[t]?.unsupported ? ' (not supported yet)' : ''}</option>)}
        </select>
        <button type="button" className="icon-btn" aria-label={`Remove ${title.toLowerCase()}`} onClick={onRemove}><Icon name="trash" size={13} /></button>
      </div>
      <div className="action-fields">
        {has('cameras') ? (
          <div className="rule-clause-body">
            <label className="field">
              <span>Cameras</span>
              <select value={target?.kind ?? 'cameras'} onChange={(e) => {
                const kind = e.target.value as TargetKind;
                onChange({ ...action, cameras: kind === 'cameras' ? { kind, cameraIds: [] } : { kind } });
              }}>
                {cameraEvent || target?.kind === 'eventSource' ? <option value="eventSource">The camera that raised the event</option> : null}
                <option value="allCameras">All cameras</option>
                <option value="cameras">These cameras…</option>
              </select>
            </label>
            {target?.kind === 'cameras' ? (
              <IdPicker label={`Cameras of ${title.toLowerCase()}`} items={context.cameras} selected={target.cameraIds ?? []}
                onChange={(ids) => onChange({ ...action, cameras: { kind: 'cameras', cameraIds: ids ?? [] } })} error={problem('cameras')} />
            ) : problem('cameras') ? <em className="field-error" role="alert">{problem('cameras')}</em> : null}
          </div>
        ) : null}
        {has('header') ? (
          <FormField label="Bookmark header" error={problem('header')}>
            <input value={action.header ?? ''} maxLength={200} onChange={(e) => onChange({ ...action, header: e.target.value })} />
          </FormField>
        ) : null}
        {has('description') ? (
          <FormField label="Bookmark description" error={problem('description')}>
            <input value={action.description ?? ''} onChange={(e) => onChange({ ...action, description: e.target.value })} />
          </FormField>
        ) : null}
        {has('preSeconds') ? seconds('preSeconds', type === 'startRecording' ? 'Seconds before (pre-buffer)' : 'Seconds before') : null}
        {has('postSeconds') ? seconds('postSeconds', 'Seconds after') : null}
        {has('userDefinedEventId') ? (
          <FormField label="User-defined event" error={problem('userDefinedEventId')}>
            <select value={action.userDefinedEventId ?? ''} onChange={(e) => onChange({ ...action, userDefinedEventId: e.target.value })}>
              <option value="" disabled>Choose…</option>
              {context.userDefined.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
            </select>
          </FormField>
        ) : null}
        {has('cameraId') ? (
          <FormField label="PTZ camera" error={problem('cameraId')}>
            <select value={action.cameraId ?? ''} onChange={(e) => onChange({ ...action, cameraId: e.target.value, presetToken: '' })}>
              <option value="" disabled>Choose…</option>
              {/* PTZ is known only of cameras the user has a right on; without any, every camera is offered and the site checks. */}
              {context.cameras.filter((c) => context.ptzCameraIds.size === 0 || context.ptzCameraIds.has(c.id) || c.id === action.cameraId)
                .map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          </FormField>
        ) : null}
        {has('presetToken') ? (
          <FormField label="Preset" error={problem('presetToken')} hint={presets.isError ? 'Presets could not be read; type the token.' : undefined}>
            <input value={action.presetToken ?? ''} list={`presets-${title}`} onChange={(e) => onChange({ ...action, presetToken: e.target.value })} />
          </FormField>
        ) : null}
        {has('presetToken') ? <datalist id={`presets-${title}`}>{(presets.data ?? []).map((p) => <option key={p.token} value={p.token}>{p.name}</option>)}</datalist> : null}
        {has('notificationProfileId') ? (
          <FormField label="Notification profile" error={problem('notificationProfileId')}
            hint={profiles.data?.length === 0 ? 'None yet: create one under Notification profiles.' : undefined}>
            <select value={action.notificationProfileId ?? ''} onChange={(e) => onChange({ ...action, notificationProfileId: e.target.value })}>
              <option value="" disabled>Choose…</option>
              {(profiles.data ?? []).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </select>
          </FormField>
        ) : null}
        {has('outputId') ? (
          <FormField label="Output" error={problem('outputId')} hint={context.outputs.length === 0 ? 'None yet: outputs come with their hardware (Devices → Outputs).' : undefined}>
            <select value={action.outputId ?? ''} onChange={(e) => onChange({ ...action, outputId: e.target.value })}>
              <option value="" disabled>Choose…</option>
              {context.outputs.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
              {action.outputId && !context.outputs.some((o) => o.id === action.outputId) ? <option value={action.outputId}>{action.outputId} (not on the site)</option> : null}
            </select>
          </FormField>
        ) : null}
        {has('state') ? (
          <FormField label="Switch to" error={problem('state')}
            hint={place === 'stop' ? 'A stop action returns the output: the other state than the actions set.' : '"On" lasts the output\'s pulse when it has one.'}>
            <select value={action.state ?? 'on'} onChange={(e) => onChange({ ...action, state: e.target.value === 'off' ? 'off' : 'on' })}>
              <option value="on">On (activated)</option>
              <option value="off">Off (idle)</option>
            </select>
          </FormField>
        ) : null}
        {has('message') ? (
          <FormField label="Message" error={problem('message')}>
            <input value={action.message ?? ''} maxLength={1000} onChange={(e) => onChange({ ...action, message: e.target.value })} />
          </FormField>
        ) : null}
      </div>
      {whole && !fields.some((f) => problem(f) === whole) ? <em className="field-error" role="alert">{whole}</em> : null}
    </div>
  );
}
