/**
 * What to search for: a time range, cameras, and which kinds of result (recordings, motion in a
 * drawn region, bookmarks with words). The region is drawn on a recorded picture of one of the
 * chosen cameras; motion is searched on that camera.
 */
import { useQuery } from '@tanstack/react-query';
import { sequencesQuery } from '@nightjar/ui';
import type { CameraBody } from '@nightjar/ui';
import { fromDateTimeLocal } from '../playback/timeFormat';
import { Icon } from '@nightjar/ui';
import { useSite } from '../session/siteContext';
import { CameraPicker } from './CameraPicker';
import { RangeFields } from './RangeFields';
import type { RangeValue } from './RangeFields';
import type { Region } from './regionGeometry';
import { RegionPicker } from './RegionPicker';
import type { SearchKind } from './searchResults';
import type { ThumbnailCache } from './thumbnailCache';

export interface SearchDraft {
  range: RangeValue;
  cameraIds: string[];
  kinds: Record<SearchKind, boolean>;
  text: string;
  region: Region | null;
  regionCameraId: string | null;
}

export interface SearchCriteriaPanelProps {
  draft: SearchDraft;
  onChange: (draft: SearchDraft) => void;
  onSearch: () => void;
  cameras: readonly CameraBody[];
  viewCameraIds: readonly string[];
  thumbnails: ThumbnailCache;
  problem: string | undefined;
}

const REGION_WIDTH = 272;

export function SearchCriteriaPanel({ draft, onChange, onSearch, cameras, viewCameraIds, thumbnails, problem }: SearchCriteriaPanelProps) {
  const set = (patch: Partial<SearchDraft>) => onChange({ ...draft, ...patch });
  const regionCamera = draft.regionCameraId && draft.cameraIds.includes(draft.regionCameraId) ? draft.regionCameraId : draft.cameraIds[0] ?? null;
  const pictureAtMs = useLatestRecorded(regionCamera, draft.range);
  const kind = (k: SearchKind, label: string) => (
    <label className="checkbox">
      <input type="checkbox" checked={draft.kinds[k]} onChange={(e) => set({ kinds: { ...draft.kinds, [k]: e.target.checked } })} />
      {label}
    </label>
  );
  return (
    <form className="inv-criteria" onSubmit={(e) => { e.preventDefault(); onSearch(); }} data-testid="search-criteria">
      <section className="inv-section">
        <h3>Time range</h3>
        <RangeFields value={draft.range} onChange={(range) => set({ range })} />
      </section>
      <section className="inv-section">
        <h3>Cameras</h3>
        <CameraPicker cameras={cameras} selected={draft.cameraIds} onChange={(cameraIds) => set({ cameraIds })} viewCameraIds={viewCameraIds} maxHeight={140} />
      </section>
      <section className="inv-section">
        <h3>Find</h3>
        <div className="inv-kinds">
          {kind('recording', 'Recordings')}
          {kind('bookmark', 'Bookmarks')}
          {kind('motion', 'Motion in a region')}
        </div>
        {draft.kinds.bookmark ? (
          <input className="input" placeholder="Bookmark words (optional)" value={draft.text} onChange={(e) => set({ text: e.target.value })} aria-label="Bookmark words" />
        ) : null}
      </section>
      {draft.kinds.motion ? (
        <section className="inv-section">
          <h3>Motion region</h3>
          <div className="inv-region-bar">
            <select className="input inv-grow" value={regionCamera ?? ''} aria-label="Camera to draw on"
              onChange={(e) => set({ regionCameraId: e.target.value, region: null })}>
              {draft.cameraIds.length === 0 ? <option value="">Choose cameras first</option> : null}
              {draft.cameraIds.map((id) => <option key={id} value={id}>{cameras.find((c) => c.id === id)?.name ?? id}</option>)}
            </select>
            <button type="button" className="btn btn-sm" disabled={!draft.region} onClick={() => set({ region: null })}>Clear</button>
          </div>
          <RegionPicker thumbnails={thumbnails} cameraId={regionCamera} pictureAtMs={pictureAtMs} region={draft.region}
            onChange={(region) => set({ region, regionCameraId: regionCamera })} width={REGION_WIDTH} />
          <p className="muted inv-hint">{draft.region ? 'Motion touching the shaded cells is found.' : 'Drag on the picture to draw the region.'}</p>
        </section>
      ) : null}
      {problem ? <div className="inv-problem">{problem}</div> : null}
      <button type="submit" className="btn btn-primary inv-search-btn" data-testid="search-submit"><Icon name="search" size={14} /> Search</button>
    </form>
  );
}

/** A recorded instant of the camera inside the range (near its end), to draw the region on. */
function useLatestRecorded(cameraId: string | null, range: RangeValue): number | null {
  const { client } = useSite();
  const fromMs = fromDateTimeLocal(range.from);
  const toMs = fromDateTimeLocal(range.to);
  const valid = cameraId !== null && toMs > fromMs;
  const sequences = useQuery({
    ...sequencesQuery(client, cameraId ?? '', { from: valid ? new Date(fromMs).toISOString() : '', to: valid ? new Date(toMs).toISOString() : '' }, Date.now()),
    enabled: valid,
  });
  const last = sequences.data?.recordings.at(-1);
  if (!valid || !last) return null;
  // Well before the end: the recording being written (about the last minute) is not readable yet.
  const end = Math.min(toMs, Date.parse(last.end));
  return Math.max(Date.parse(last.start), end - 75_000);
}
