/** The alarm's comments, oldest first, and a box to add one (a closed alarm still takes them). */
import { useState } from 'react';
import type { AlarmDetailsBody } from '@nightjar/ui';
import { ErrorNote } from '@nightjar/ui';
import { formatDateTime } from '../playback/timeFormat';
import { useAlarmUpdate } from './useAlarmActions';

/** The site's limit (ALARM_LIMITS.commentMaxLength). */
const COMMENT_MAX = 2000;

export function AlarmComments({ alarm }: { alarm: AlarmDetailsBody }) {
  const [text, setText] = useState('');
  const update = useAlarmUpdate(alarm.id);
  const submit = (e: { preventDefault(): void }) => {
    e.preventDefault();
    const comment = text.trim();
    if (!comment) return;
    update.mutate({ comment }, { onSuccess: () => setText('') });
  };
  return (
    <section className="al-section" aria-label="Comments" data-testid="alarm-comments">
      <h3>Comments <span className="al-count">{alarm.comments.length}</span></h3>
      <ul className="al-comments">
        {alarm.comments.map((c) => (
          <li key={c.id} className="al-comment" data-testid="alarm-comment">
            <div className="al-comment-meta"><b>{c.username}</b> · {formatDateTime(Date.parse(c.at))}</div>
            <div className="al-comment-text">{c.text}</div>
          </li>
        ))}
      </ul>
      <form className="al-comment-form" onSubmit={submit}>
        <textarea className="input inv-textarea" rows={2} maxLength={COMMENT_MAX} placeholder="What you found or did" aria-label="New comment"
          value={text} onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            // Ctrl/Cmd+Enter sends, as in chat tools; Enter alone is a new line.
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit(e);
          }} />
        <button type="submit" className="btn btn-sm" disabled={!text.trim() || update.isPending}>Add comment</button>
      </form>
      <ErrorNote error={update.error} />
    </section>
  );
}
