/**
 * The user's own view groups from the views panel: create, rename, delete. Each change goes to
 * the site and into the groups cache at once (the site's "viewGroups" push then refreshes every
 * client); refusals (a group still holding views) become notices with the site's reason.
 */
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, queryKeys } from '@nightjar/ui';
import type { ViewGroupBody } from '@nightjar/ui';
import { useSite } from '../session/siteContext';
import { useShell } from '../shell/shellContext';

export interface ViewGroupActions {
  /** A new private group at the end of the user's own; undefined when refused. */
  create: (name: string) => Promise<ViewGroupBody | undefined>;
  rename: (group: ViewGroupBody, name: string) => Promise<void>;
  remove: (group: ViewGroupBody) => Promise<void>;
}

const reason = (e: unknown) => (e instanceof ApiError && e.status === 0 ? 'the site cannot be reached' : e instanceof Error ? e.message : String(e));

export function useViewGroupActions(): ViewGroupActions {
  const { client } = useSite();
  const { notify } = useShell();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.viewGroups() });

  return {
    create: async (name) => {
      try {
        const group = await client.createViewGroup({ name, shared: false });
        queryClient.setQueryData<ViewGroupBody[]>(queryKeys.viewGroups(), (list) => (list ? [...list.filter((g) => g.id !== group.id), group] : [group]));
        void refresh();
        return group;
      } catch (e) {
        notify(`Creating the group failed: ${reason(e)}.`, 'error');
        return undefined;
      }
    },
    rename: async (group, name) => {
      if (!name.trim() || name.trim() === group.name) return;
      try {
        const saved = await client.updateViewGroup(group.id, { name: name.trim() });
        queryClient.setQueryData<ViewGroupBody[]>(queryKeys.viewGroups(), (list) => list?.map((g) => (g.id === saved.id ? saved : g)));
      } catch (e) {
        notify(`Renaming “${group.name}” failed: ${reason(e)}.`, 'error');
      }
    },
    remove: async (group) => {
      try {
        await client.deleteViewGroup(group.id);
        queryClient.setQueryData<ViewGroupBody[]>(queryKeys.viewGroups(), (list) => list?.filter((g) => g.id !== group.id));
        notify(`Group “${group.name}” deleted.`);
      } catch (e) {
        notify(`Deleting “${group.name}” failed: ${reason(e)}.`, 'error');
        void refresh();
      }
    },
  };
}
