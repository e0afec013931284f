/**
 * The Smart Client's shortcuts. Actions go to the client store (tiles, playback) or to the
 * shell (workspaces, dialogs); the playback view reacts to the store, so the same keys work
 * whichever component shows the video.
 */
import type { ClientStore } from '@nightjar/ui';
import type { Shortcut } from './shortcutRegistry';

export type Workspace = 'live' | 'playback' | 'search' | 'alarms';

export interface ShortcutActions {
  store: ClientStore;
  setWorkspace: (workspace: Workspace) => void;
  toggleHelp: () => void;
  /** Closes the topmost dialog or menu; false when none was open. */
  closeTopmost: () => boolean;
}

const TILE_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

export function defaultShortcuts(a: ShortcutActions): Shortcut[] {
  const state = () => a.store.getState();
  const inPlayback = () => state().mode === 'playback';
  return [
    { id: 'workspace.live', keys: ['l'], label: 'L', group: 'Workspaces', description: 'Live', run: () => a.setWorkspace('live') },
    { id: 'workspace.playback', keys: ['p'], label: 'P', group: 'Workspaces', description: 'Playback', run: () => a.setWorkspace('playback') },
    { id: 'workspace.search', keys: ['s'], label: 'S', group: 'Workspaces', description: 'Search', run: () => a.setWorkspace('search') },
    { id: 'workspace.alarms', keys: ['a'], label: 'A', group: 'Workspaces', description: 'Alarms', run: () => a.setWorkspace('alarms') },
    {
      id: 'tile.select', keys: TILE_KEYS, label: '1 – 9', group: 'View', description: 'Select tile 1 to 9',
      run: (key) => {
        const tile = Number(key) - 1;
        if (tile >= state().tileCameras.length) return false;
        state().selectTile(tile);
      },
    },
    {
      id: 'tile.maximize', keys: ['Enter'], label: 'Enter', group: 'View', description: 'Maximize the selected tile, or restore',
      run: () => {
        const s = state();
        const tile = s.maximizedTile ?? s.selectedTile;
        if (tile === null) return false;
        s.toggleMaximize(tile);
      },
    },
    {
      id: 'general.escape', keys: ['Escape'], label: 'Esc', group: 'General', description: 'Close the dialog, restore a maximized tile, clear the selection',
      run: () => {
        if (a.closeTopmost()) return;
        const s = state();
        if (s.maximizedTile !== null) s.toggleMaximize(s.maximizedTile);
        else if (s.selectedTile !== null) s.selectTile(null);
        else return false;
      },
    },
    {
      id: 'playback.toggle', keys: [' '], label: 'Space', group: 'Playback', description: 'Play or pause',
      run: () => {
        if (!inPlayback()) return false;
        if (state().playing) state().pause();
        else state().play();
      },
    },
    {
      id: 'playback.stepBack', keys: ['ArrowLeft'], label: '←', group: 'Playback', description: 'Previous frame (pauses)',
      run: () => (inPlayback() ? state().stepFrame(-1) : false),
    },
    {
      id: 'playback.stepForward', keys: ['ArrowRight'], label: '→', group: 'Playback', description: 'Next frame (pauses)',
      run: () => (inPlayback() ? state().stepFrame(1) : false),
    },
    {
      id: 'playback.faster', keys: ['ArrowUp'], label: '↑', group: 'Playback', description: 'Faster',
      run: () => (inPlayback() ? state().stepSpeed(1) : false),
    },
    {
      id: 'playback.slower', keys: ['ArrowDown'], label: '↓', group: 'Playback', description: 'Slower (then backwards)',
      run: () => (inPlayback() ? state().stepSpeed(-1) : false),
    },
    { id: 'general.help', keys: ['?'], label: '?', group: 'General', description: 'Show or hide this list', run: () => a.toggleHelp() },
  ];
}
