/**
 * View groups and the views in them (listViewGroups, createViewGroup, updateViewGroup,
 * deleteViewGroup; the views through listViews and updateView). The groups' key sits under the
 * configuration resource "viewGroups", so the site's push refreshes an open page after anyone's
 * change; the views follow the updates socket's view messages.
 */
import { viewGroupsQuery } from '@nightjar/ui';
import type { CreateViewGroupBody, SiteClient, UpdateViewGroupBody, ViewGroupBody } from '@nightjar/ui';

export type { ViewGroupBody };
export { viewGroupsQuery };

export const createViewGroup = (client: SiteClient, body: CreateViewGroupBody) => client.createViewGroup(body);
export const updateViewGroup = (client: SiteClient, id: string, body: UpdateViewGroupBody) => client.updateViewGroup(id, body);
export const deleteViewGroup = (client: SiteClient, id: string) => client.deleteViewGroup(id);
