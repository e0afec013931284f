/**
 * Stored views: apply one, save what is on screen (over the view or as a new one, in a group),
 * rename, share or unshare, move to another group, delete. Each change goes to the site and into the views cache at once (the
 * updates socket then tells the other clients); failures become notices that say what to do.
 */
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, queryKeys } from '@nightjar/ui';
import type { UpdateViewBody, ViewBody, ViewGroupBody } from '@nightjar/ui';
import { useSite } from '../session/siteContext';
import { useShell } from '../shell/shellContext';
import { appliedViewOf, viewBodyOf } from './viewMapping';

export interface ViewActions {
  apply: (view: ViewBody) => void;
  /** Saves the screen as a new view (in `group`, else the user's "Private") and shows it as that view. */
  create: (name: string, group?: ViewGroupBody) => Promise<ViewBody | undefined>;
  /** Writes the screen over the stored view it came from. */
  save: (view: ViewBody) => Promise<void>;
  rename: (view: ViewBody, name: string) => Promise<void>;
  /** Shares into the default shared group, or takes back into the owner's "Private". */
  setShared: (view: ViewBody, shared: boolean) => Promise<void>;
  move: (view: ViewBody, group: ViewGroupBody) => Promise<void>;
  remove: (view: ViewBody) => Promise<void>;
}

function why(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.code === 'VMS_ERR_STALE_REVISION') return 'someone else changed it meanwhile; the latest version is shown now';
    // The site says which: the view is someone else's, or the shared group is not shown to your roles.
    if (e.status === 403) return e.message;
    if (e.status === 0) return 'the site cannot be reached';
  }
  return e instanceof Error ? e.message : String(e);
}

export function useViewActions(): ViewActions {
  const { client, store } = useSite();
  const { notify } = useShell();
  const queryClient = useQueryClient();

  const upsert = (view: ViewBody) => queryClient.setQueryData<ViewBody[]>(queryKeys.views(), (list) => (list ? [...list.filter((v) => v.id !== view.id), view] : [view]));
  const failed = (what: string, e: unknown) => {
    notify(`${what}: ${why(e)}.`, 'error');
    // A stale revision or a vanished view: the list shows the site's truth again.
    void queryClient.invalidateQueries({ queryKey: queryKeys.views() });
  };
  /** Replaces the name or place of a stored view, keeping its content as stored. */
  const update = async (view: ViewBody, patch: Partial<Pick<UpdateViewBody, 'name' | 'shared' | 'groupId'>>) => {
    const { layoutId, layout, cameraIds, revision } = view;
    const saved = await client.updateView(view.id, { name: patch.name ?? view.name, layoutId, layout, cameraIds, revision, ...patch });
    upsert(saved);
    if (store.getState().viewId === saved.id) store.getState().markViewSaved(saved.id, saved.revision);
    return saved;
  };

  return {
    apply: (view) => store.getState().applyView(appliedViewOf(view)),
    create: async (name, group) => {
      try {
        const saved = await client.createView(viewBodyOf(store.getState(), name, group?.id));
        upsert(saved);
        store.getState().markViewSaved(saved.id, saved.revision);
        notify(`View “${saved.name}” saved${group ? ` in ${group.name}` : ''}.`, 'success');
        return saved;
      } catch (e) {
        failed(`Saving “${name}” failed`, e);
        return undefined;
      }
    },
    save: async (view) => {
      try {
        const body = viewBodyOf(store.getState(), view.name, view.groupId);
        const saved = await client.updateView(view.id, { ...body, revision: view.revision });
        upsert(saved);
        store.getState().markViewSaved(saved.id, saved.revision);
        notify(`View “${saved.name}” saved.`, 'success');
      } catch (e) {
        failed(`Saving “${view.name}” failed`, e);
      }
    },
    rename: async (view, name) => {
      if (name.trim() === view.name || !name.trim()) return;
      try {
        await update(view, { name: name.trim(), groupId: view.groupId });
      } catch (e) {
        failed(`Renaming “${view.name}” failed`, e);
      }
    },
    setShared: async (view, shared) => {
      try {
        const saved = await update(view, { shared });
        notify(shared ? `“${saved.name}” is now shared.` : `“${saved.name}” is now private.`, 'success');
      } catch (e) {
        failed(`Changing “${view.name}” failed`, e);
      }
    },
    move: async (view, group) => {
      try {
        const saved = await update(view, { groupId: group.id });
        notify(`“${saved.name}” moved to ${group.name}.`, 'success');
      } catch (e) {
        failed(`Moving “${view.name}” failed`, e);
      }
    },
    remove: async (view) => {
      try {
        await client.deleteView(view.id);
        queryClient.setQueryData<ViewBody[]>(queryKeys.views(), (list) => list?.filter((v) => v.id !== view.id));
        // The tiles stay on screen as an unsaved arrangement.
        if (store.getState().viewId === view.id) store.getState().markViewSaved(null, null);
        notify(`View “${view.name}” deleted.`);
      } catch (e) {
        failed(`Deleting “${view.name}” failed`, e);
      }
    },
  };
}
