import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { LayoutId } from './layouts';
import type { PlaybackSlice } from './playbackSlice';
import { createPlaybackSlice } from './playbackSlice';
import type { SelectionSlice } from './selectionSlice';
import { createSelectionSlice } from './selectionSlice';
import type { ViewSlice } from './viewSlice';
import { createViewSlice } from './viewSlice';

/**
 * Client-only state of a Smart Client window (STYLE 12): what the operator looks at, not what
 * the site knows (that is TanStack Query's). One store per window, created by the app and handed
 * down (e.g. through a React context), never a module singleton: tests and a second window each
 * get their own.
 */
export type ClientState = ViewSlice & PlaybackSlice & SelectionSlice;
export type ClientStore = StoreApi<ClientState>;

export interface ClientStoreOptions {
  layoutId?: LayoutId;
  /** Where playback starts before the first seek; the app passes its clock's now. */
  playbackTimeMs?: number;
}

export function createClientStore(options: ClientStoreOptions = {}): ClientStore {
  return createStore<ClientState>()((...a) => ({
    ...createViewSlice<ClientState>(options.layoutId)(...a),
    ...createPlaybackSlice<ClientState>(options.playbackTimeMs)(...a),
    ...createSelectionSlice<ClientState>()(...a),
  }));
}
