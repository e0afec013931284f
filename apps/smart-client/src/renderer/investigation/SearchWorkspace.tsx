/**
 * The Search workspace: find video by time range and cameras — recorded sequences, motion in a
 * drawn region, bookmarks — and open any result in playback. Bookmarks and evidence locks have
 * their own tabs for browsing and managing them.
 */
import { useContext, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { camerasQuery } from '@nightjar/ui';
import type { BookmarkBody } from '@nightjar/ui';
import { viewCameras } from '../playback/rangeActions';
import { fromDateTimeLocal } from '../playback/timeFormat';
import { ShellContext } from '../shell/shellContext';
import { useClientState, useSite } from '../session/siteContext';
import { useClientProfile } from '../profile/useClientProfile';
import { BookmarksPanel } from './BookmarksPanel';
import { ErrorNote } from '@nightjar/ui';
import { EvidenceLockDialog } from './EvidenceLockDialog';
import { EvidenceLocksPanel } from './EvidenceLocksPanel';
import { ExportDialog } from './ExportDialog';
import { openInPlayback } from './openInPlayback';
import { rangeValue } from './RangeFields';
import { SearchCriteriaPanel } from './SearchCriteriaPanel';
import type { SearchDraft } from './SearchCriteriaPanel';
import { countByKind } from './searchResults';
import type { SearchKind, SearchOrder } from './searchResults';
import { SearchResultsList } from './SearchResultsList';
import { ThumbnailCache } from './thumbnailCache';
import { useSearch } from './useSearch';
import type { SearchCriteria } from './useSearch';

type Tab = 'results' | 'bookmarks' | 'locks';
const KIND_LABELS: Record<SearchKind, string> = { recording: 'Recordings', motion: 'Motion', bookmark: 'Bookmarks' };
const RESULTS_PAGE = 60;

export function SearchWorkspace() {
  const { client, store } = useSite();
  const { exportAllowed } = useClientProfile();
  const shell = useContext(ShellContext);
  const cameras = useQuery(camerasQuery(client));
  const [thumbnails] = useState(() => new ThumbnailCache(client));
  const viewIds = viewCameras(useClientState((s) => s.tileCameras));

  const [draft, setDraft] = useState<SearchDraft>(() => ({
    range: rangeValue(Date.now() - 3_600_000, Date.now()),
    cameraIds: viewIds, kinds: { recording: true, bookmark: true, motion: false }, text: '', region: null, regionCameraId: null,
  }));
  const [criteria, setCriteria] = useState<SearchCriteria | null>(null);
  const [problem, setProblem] = useState<string>();
  const [order, setOrder] = useState<SearchOrder>('newest');
  const [hidden, setHidden] = useState<Record<SearchKind, boolean>>({ recording: false, motion: false, bookmark: false });
  const [tab, setTab] = useState<Tab>('results');
  const [lockOpen, setLockOpen] = useState(false);
  // A long result list is shown a page at a time: each row costs a thumbnail once scrolled to.
  const [pageCount, setPageCount] = useState(1);
  const [localExport, setLocalExport] = useState<{ cameraIds: string[]; from: number; to: number } | null>(null);
  const outcome = useSearch(client, criteria, order);

  const nameOf = (id: string) => cameras.data?.find((c) => c.id === id)?.name ?? id;
  const open = (cameraIds: readonly string[], atMs: number) => {
    openInPlayback(store, cameraIds, atMs);
    shell?.setWorkspace('playback');
  };
  const exportRange = (initial: { cameraIds: string[]; from: number; to: number }) => {
    if (shell) shell.openDialog({ kind: 'export', initial });
    else setLocalExport(initial);
  };
  const search = () => {
    const fromMs = fromDateTimeLocal(draft.range.from);
    const toMs = fromDateTimeLocal(draft.range.to);
    const kinds = draft.kinds.motion && !draft.region ? { ...draft.kinds, motion: false } : draft.kinds;
    if (!(toMs > fromMs)) return setProblem('Enter a range whose end is after its start.');
    if (draft.cameraIds.length === 0) return setProblem('Choose at least one camera.');
    if (!kinds.recording && !kinds.bookmark && !kinds.motion) {
      return setProblem(draft.kinds.motion ? 'Draw a region on the picture to search for motion.' : 'Choose what to find.');
    }
    setProblem(undefined);
    setTab('results');
    setPageCount(1);
    const regionCameraId = draft.regionCameraId && draft.cameraIds.includes(draft.regionCameraId) ? draft.regionCameraId : draft.cameraIds[0] ?? null;
    setCriteria({ fromMs, toMs, cameraIds: draft.cameraIds, kinds, text: draft.text, region: draft.region, regionCameraId });
  };

  const counts = countByKind(outcome.hits);
  const shown = outcome.hits.filter((h) => !hidden[h.kind]);
  return (
    <div className="inv-workspace" data-testid="search-workspace">
      <aside className="inv-side">
        <SearchCriteriaPanel draft={draft} onChange={setDraft} onSearch={search} cameras={cameras.data ?? []} viewCameraIds={viewIds}
          thumbnails={thumbnails} problem={problem} />
      </aside>
      <section className="inv-main">
        <div className="inv-tabs" role="tablist">
          {([['results', 'Results'], ['bookmarks', 'Bookmarks'], ['locks', 'Evidence locks']] as const).map(([id, label]) => (
            <button key={id} type="button" role="tab" className="inv-tab" aria-selected={tab === id} onClick={() => setTab(id)}>{label}</button>
          ))}
        </div>
        {tab === 'results' ? (
          <div className="inv-panel">
            <div className="inv-panel-bar inv-results-bar">
              {criteria ? (
                <>
                  <span className="inv-count-main">{outcome.loading ? 'Searching…' : `${outcome.hits.length}${outcome.truncated ? '+' : ''} results`}</span>
                  {(Object.keys(KIND_LABELS) as SearchKind[]).filter((k) => criteria.kinds[k]).map((k) => (
                    <button key={k} type="button" className="inv-chip" data-kind={k} aria-pressed={!hidden[k]} onClick={() => setHidden({ ...hidden, [k]: !hidden[k] })}>
                      {KIND_LABELS[k]} {counts[k]}
                    </button>
                  ))}
                  <span className="inv-grow" />
                  <select className="input inv-order" value={order} onChange={(e) => setOrder(e.target.value as SearchOrder)} aria-label="Order">
                    <option value="newest">Newest first</option>
                    <option value="oldest">Oldest first</option>
                  </select>
                </>
              ) : <span className="muted">Choose a range and cameras, then Search.</span>}
            </div>
            {outcome.problems.map((p) => <div key={p.source} className="inv-source-problem"><span>{p.source}</span><ErrorNote error={p.error} /></div>)}
            {outcome.skippedCameraIds.length > 0 ? (
              <div className="inv-warning">Motion not searched on {outcome.skippedCameraIds.map(nameOf).join(', ')}: no playback right.</div>
            ) : null}
            {outcome.motionTruncated ? <div className="inv-warning">More motion matched than shown; narrow the range to see the rest.</div> : null}
            {criteria && !outcome.loading && shown.length === 0 && outcome.problems.length === 0 ? <div className="muted inv-empty">Nothing found.</div> : null}
            <SearchResultsList hits={shown.slice(0, pageCount * RESULTS_PAGE)} nameOf={nameOf} thumbnails={thumbnails} onOpen={(h) => open(h.cameraIds, h.atMs)} />
            {shown.length > pageCount * RESULTS_PAGE ? (
              <button type="button" className="btn inv-more" onClick={() => setPageCount(pageCount + 1)}>
                Show more ({shown.length - pageCount * RESULTS_PAGE} left)
              </button>
            ) : null}
          </div>
        ) : tab === 'bookmarks' ? (
          <BookmarksPanel nameOf={nameOf} thumbnails={thumbnails} onOpen={open}
            onExport={exportAllowed ? (b: BookmarkBody) => {
              const at = Date.parse(b.time);
              exportRange({ cameraIds: [...b.cameraIds], from: at - b.preSeconds * 1000, to: at + Math.max(1, b.postSeconds) * 1000 });
            } : undefined} />
        ) : (
          <EvidenceLocksPanel onOpen={open} onCreate={() => setLockOpen(true)} />
        )}
      </section>
      <EvidenceLockDialog open={lockOpen} onClose={() => setLockOpen(false)} />
      <ExportDialog open={localExport !== null} onClose={() => setLocalExport(null)} initial={localExport ?? undefined} />
    </div>
  );
}
