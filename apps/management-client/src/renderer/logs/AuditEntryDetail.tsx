/** One audit entry in full: who, when, from where, what on which target, and each field's old → new value. */
import { actionLabel, auditChanges, formatValue } from './auditDetails';

/** Objects and lists over several lines, so a changed grant or window can be read. */
function Value({ value }: { value: unknown }) {
  if (typeof value !== 'object' || value === null) return <>{formatValue(value, 2000)}</>;
  return <pre className="change-json">{JSON.stringify(value, null, 1)}</pre>;
}
import { formatLogTime } from './logQuery';
import type { AuditEntryBody } from './logsApi';

export function AuditEntryDetail({ entry, target }: { entry: AuditEntryBody; target: string }) {
  const changes = auditChanges(entry);
  return (
    <>
      <h2>{actionLabel(entry.action)}{target ? `: ${target}` : ''}{entry.outcome === 'failed' ? ' (failed)' : ''}</h2>
      <dl className="log-facts">
        <dt>When</dt><dd>{formatLogTime(entry.at)}</dd>
        <dt>Who</dt><dd>{entry.username ?? 'the site'}{entry.userId ? <span className="muted"> ({entry.userId})</span> : null}</dd>
        {entry.source ? <><dt>From</dt><dd>{entry.source}</dd></> : null}
        {entry.target ? <><dt>Target</dt><dd>{target}{target !== entry.target ? <span className="muted"> ({entry.target})</span> : null}</dd></> : null}
      </dl>
      {changes.length > 0 ? (
        <table className="change-table" aria-label="Changed values">
          <thead><tr><th>Field</th><th>Old value</th><th>New value</th></tr></thead>
          <tbody>
            {changes.map((c) => (
              <tr key={c.field}>
                <td>{c.field}</td>
                <td className="change-old"><Value value={c.from} /></td>
                <td className="change-new"><Value value={c.to} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : <p className="muted">The entry records no values.</p>}
    </>
  );
}
