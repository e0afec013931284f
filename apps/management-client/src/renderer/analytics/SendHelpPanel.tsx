/**
 * "How to send": the exact request an analytics system makes for this source, its JSON body
 * built from the source's values, and a curl command to try it from the analytics machine.
 */
import { CopyButton } from './CopyButton';
import type { SendExample } from './sendHelp';

export interface SendHelpPanelProps {
  example: SendExample;
  /** Who may send: the allowed addresses, or any address with the token. */
  senders: string;
}

export function SendHelpPanel({ example, senders }: SendHelpPanelProps) {
  return (
    <section className="send-help" aria-labelledby="send-help-title">
      <h3 id="send-help-title">How to send events</h3>
      <p className="muted">
        The analytics system posts each event as JSON (or XML with the same fields) to the site, without signing in. The site answers 202 with the
        event's id; 403 when the source, address or token does not match ({senders}); 429 beyond the events a second. Use the address the analytics
        machine reaches the site at, if not the one below.
      </p>
      <dl className="send-help-request">
        <dt>Request</dt>
        <dd><code className="mono">{example.method} {example.url}</code> <CopyButton text={example.url} label="Copy the address" /></dd>
        <dt>Headers</dt>
        <dd>{example.headers.map((h) => <code key={h} className="mono">{h}</code>)}</dd>
        <dt>Body</dt>
        <dd>
          <pre className="mono" aria-label="Example JSON body">{example.json}</pre>
          <small className="field-hint">source and ruleName are required; objects (type, confidence, boundingBox in fractions of the picture), locations, description and time (ISO 8601) are optional.</small>
        </dd>
        <dt>Try it</dt>
        <dd>
          <pre className="mono" aria-label="Example curl command">{example.curl}</pre>
          <CopyButton text={example.curl} label="Copy the curl command" />
        </dd>
      </dl>
    </section>
  );
}
