/**
 * All bookmarks the user may see, newest first: search by words, jump to one in playback, or
 * export the video around it. Words are matched by the site (header and description).
 */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { bookmarksQuery } from '@nightjar/ui';
import type { BookmarkBody } from '@nightjar/ui';
import { formatDuration, formatInstant } from '../playback/timeFormat';
import { Icon } from '@nightjar/ui';
import { useSite } from '../session/siteContext';
import { ErrorNote } from '@nightjar/ui';
import type { ThumbnailCache } from './thumbnailCache';
import { ThumbnailImage } from './ThumbnailImage';

export interface BookmarksPanelProps {
  nameOf: (cameraId: string) => string;
  thumbnails: ThumbnailCache;
  onOpen: (cameraIds: readonly string[], atMs: number) => void;
  onExport?: (bookmark: BookmarkBody) => void;
}

export function BookmarksPanel({ nameOf, thumbnails, onOpen, onExport }: BookmarksPanelProps) {
  const { client } = useSite();
  const [text, setText] = useState('');
  const [applied, setApplied] = useState('');
  const bookmarks = useQuery({ ...bookmarksQuery(client, { text: applied }), placeholderData: (previous) => previous });
  const now = Date.now();
  const list = [...(bookmarks.data ?? [])].sort((a, b) => Date.parse(b.time) - Date.parse(a.time));
  return (
    <div className="inv-panel" data-testid="bookmarks-panel">
      <form className="inv-panel-bar" onSubmit={(e) => { e.preventDefault(); setApplied(text); }}>
        <input className="input inv-grow" placeholder="Search header and description" value={text} onChange={(e) => setText(e.target.value)} aria-label="Search bookmarks" />
        <button type="submit" className="btn btn-sm">Search</button>
      </form>
      {bookmarks.isError ? <ErrorNote error={bookmarks.error} /> : null}
      <ul className="inv-list">
        {list.map((b) => {
          const at = Date.parse(b.time);
          return (
            <li key={b.id} className="inv-row inv-bookmark" data-testid="bookmark-row">
              <ThumbnailImage cache={thumbnails} cameraId={b.cameraIds[0]!} atMs={at} width={112} alt="" />
              <div className="inv-row-main">
                <div className="inv-row-title"><Icon name="edit" size={13} /><span>{b.header}</span></div>
                <div className="inv-row-meta">{formatInstant(at, now)} · {formatDuration((b.preSeconds + b.postSeconds) * 1000)} · {b.cameraIds.map(nameOf).join(', ')}</div>
                {b.description ? <div className="inv-row-desc">{b.description}</div> : null}
                <div className="inv-row-meta muted">by {b.createdBy}</div>
              </div>
              <div className="inv-row-actions">
                <button type="button" className="btn btn-sm" onClick={() => onOpen(b.cameraIds, at)} data-testid="bookmark-open">Open</button>
                {onExport ? <button type="button" className="btn btn-sm" onClick={() => onExport(b)}>Export…</button> : null}
              </div>
            </li>
          );
        })}
        {bookmarks.isPending ? <li className="muted inv-empty">Loading…</li> : null}
        {!bookmarks.isPending && list.length === 0 ? <li className="muted inv-empty">{applied ? 'No bookmark matches.' : 'No bookmarks yet.'}</li> : null}
      </ul>
    </div>
  );
}
