/**
 * The source's shared token (X-Analytics-Token), as far as the site allows: it keeps only a
 * hash, so a stored token can be replaced (Regenerate) or removed, never shown. A new value is
 * made here, may be edited (an analytics system with a fixed token), and is shown again once
 * after saving (TokenReveal).
 */
import { Icon } from '@nightjar/ui';
import { FormField } from '../components/FormField';
import { newToken } from './analyticsForm';
import type { TokenChange } from './analyticsForm';
import { TOKEN_HEADER } from './sendHelp';

export interface TokenFieldsetProps {
  token: TokenChange;
  /** Whether the stored source has a token (false for a new source). */
  stored: boolean;
  /** A new source: "keep" means no token. */
  isNew: boolean;
  error?: string | undefined;
  onChange: (token: TokenChange) => void;
}

export function TokenFieldset({ token, stored, isNew, error, onChange }: TokenFieldsetProps) {
  const regenerate = () => onChange({ kind: 'set', value: newToken() });
  let body;
  if (token.kind === 'set') {
    body = (
      <>
        <FormField label={stored ? 'New token' : 'Token'} error={error}
          hint={`The site keeps only a hash of it: copy it after saving, when it is shown once more.${stored ? ' The old token stops working when you save.' : ''}`}>
          <input className="mono" value={token.value} spellCheck={false} autoComplete="off" onChange={(e) => onChange({ kind: 'set', value: e.target.value })} />
        </FormField>
        <div className="rule-inline">
          <button type="button" className="btn btn-sm" onClick={regenerate}><Icon name="refresh" size={12} /> Generate another</button>
          <button type="button" className="btn btn-sm" onClick={() => onChange({ kind: 'keep' })}>{stored ? 'Keep the current token' : 'No token'}</button>
        </div>
      </>
    );
  } else if (token.kind === 'remove') {
    body = (
      <>
        <p>The token is removed when you save: events are then checked by their address only.</p>
        <div className="rule-inline"><button type="button" className="btn btn-sm" onClick={() => onChange({ kind: 'keep' })}>Keep the token</button></div>
      </>
    );
  } else if (stored) {
    body = (
      <>
        <p><span className="state-pill" data-tone="ok">Required</span> Events must carry it in {TOKEN_HEADER}. The site keeps only its hash and cannot show it again.</p>
        <div className="rule-inline">
          <button type="button" className="btn btn-sm" onClick={regenerate}><Icon name="refresh" size={12} /> Regenerate token</button>
          <button type="button" className="btn btn-sm" onClick={() => onChange({ kind: 'remove' })}>Remove token</button>
        </div>
      </>
    );
  } else {
    body = (
      <>
        <p><span className="state-pill">None</span> Only the sender's address is checked{isNew ? '' : ' (the allowed addresses above)'}.</p>
        <div className="rule-inline"><button type="button" className="btn btn-sm" onClick={regenerate}><Icon name="lock" size={12} /> Require a token</button></div>
      </>
    );
  }
  return (
    <fieldset className="role-fieldset analytics-token">
      <legend>Token</legend>
      {body}
    </fieldset>
  );
}
