import { createContext, useContext } from 'react';
import type { Workspace } from '../shortcuts/defaultShortcuts';
import type { NoticeKind } from '@nightjar/ui';

/** The shell's own dialogs; R2's export and status dialogs are among them. */
export type ShellDialog =
  | { kind: 'help' }
  | { kind: 'status' }
  | { kind: 'export'; initial?: { cameraIds: string[]; from: number; to: number } }
  | { kind: 'bookmark'; cameraId: string; atMs: number };

/**
 * What any part of the signed-in window may ask of the shell: switch workspace, open a dialog,
 * tell the operator something. UI state of the window, not of the site or the view, so it
 * lives in the shell rather than in the client store.
 */
export interface ShellContextValue {
  workspace: Workspace;
  setWorkspace: (workspace: Workspace) => void;
  dialog: ShellDialog | null;
  openDialog: (dialog: ShellDialog) => void;
  closeDialog: () => void;
  notify: (text: string, kind?: NoticeKind) => void;
  /** The left panel (views and cameras) of Live and Playback; hidden gives the video the width. */
  sidebarOpen: boolean;
  toggleSidebar: () => void;
}

export const ShellContext = createContext<ShellContextValue | null>(null);

export function useShell(): ShellContextValue {
  const shell = useContext(ShellContext);
  if (!shell) throw new Error('useShell: used outside the signed-in shell');
  return shell;
}
