/** The token just saved, shown this once (the site keeps only its hash), to copy into the analytics system. */
import { Icon } from '@nightjar/ui';
import { CopyButton } from './CopyButton';
import { TOKEN_HEADER } from './sendHelp';

export function TokenReveal({ token, onDone }: { token: string; onDone: () => void }) {
  return (
    <section className="token-reveal" role="status" aria-label="New token">
      <p><Icon name="lock" size={13} /> <b>Copy the token now.</b> The analytics system sends it in {TOKEN_HEADER}; the site cannot show it again.</p>
      <div className="rule-inline">
        <code className="mono token-value">{token}</code>
        <CopyButton text={token} label="Copy the token" />
        <button type="button" className="btn btn-sm" onClick={onDone}>Done</button>
      </div>
    </section>
  );
}
