/**
 * The shell's notices when the dialogs run inside the shell; a no-op elsewhere (a test page that
 * mounts a dialog alone), so investigation components do not require the whole shell.
 */
import { useContext } from 'react';
import { ShellContext } from '../shell/shellContext';
import type { NoticeKind } from '@nightjar/ui';

export function useShellNotify(): (text: string, kind?: NoticeKind) => void {
  const shell = useContext(ShellContext);
  return shell?.notify ?? (() => undefined);
}
