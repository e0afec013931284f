/**
 * Search results as rows an operator scans quickly: a picture of the instant, what was found,
 * where and when. A click (or Enter) opens the instant in playback.
 */
import { formatDuration, formatInstant } from '../playback/timeFormat';
import { Icon } from '@nightjar/ui';
import type { SearchHit } from './searchResults';
import type { ThumbnailCache } from './thumbnailCache';
import { ThumbnailImage } from './ThumbnailImage';

const KIND_LABEL: Record<SearchHit['kind'], string> = { recording: 'Recording', motion: 'Motion', bookmark: 'Bookmark' };
const THUMB_WIDTH = 144;

export interface SearchResultsListProps {
  hits: readonly SearchHit[];
  nameOf: (cameraId: string) => string;
  thumbnails: ThumbnailCache;
  onOpen: (hit: SearchHit) => void;
}

export function SearchResultsList({ hits, nameOf, thumbnails, onOpen }: SearchResultsListProps) {
  const now = Date.now();
  return (
    <ul className="inv-results" data-testid="search-results">
      {hits.map((hit) => (
        <li key={hit.key}>
          <button type="button" className="inv-result" data-kind={hit.kind} onClick={() => onOpen(hit)} data-testid="search-result">
            {/* A second into a span shows its content better than its very first frame. */}
            <ThumbnailImage cache={thumbnails} cameraId={hit.cameraIds[0]!} atMs={hit.kind === 'bookmark' ? hit.atMs : hit.startMs + Math.min(1000, (hit.endMs - hit.startMs) / 2)}
              width={THUMB_WIDTH} alt={`${nameOf(hit.cameraIds[0]!)} at ${formatInstant(hit.atMs, now)}`} />
            <span className="inv-result-text">
              <span className="inv-result-title">
                <span className="inv-kind" data-kind={hit.kind}>{KIND_LABEL[hit.kind]}</span>
                {hit.kind === 'bookmark' ? <b>{hit.header}</b> : <b>{nameOf(hit.cameraIds[0]!)}</b>}
              </span>
              <span className="inv-result-time">{formatInstant(hit.atMs, now)} · {formatDuration(hit.endMs - hit.startMs)}</span>
              {hit.kind === 'bookmark' ? (
                <>
                  <span className="inv-result-meta">{hit.cameraIds.map(nameOf).join(', ')} · by {hit.createdBy}</span>
                  {hit.description ? <span className="inv-result-desc">{hit.description}</span> : null}
                </>
              ) : hit.kind === 'motion' ? (
                <span className="inv-result-meta">{hit.cells} grid {hit.cells === 1 ? 'cell' : 'cells'} changed in the region</span>
              ) : null}
            </span>
            <span className="inv-result-open"><Icon name="history" size={14} /> Open</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
