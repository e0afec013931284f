import type { ConfigurationResource } from '../common/configurationResources';
import type { View } from '../../management/common/view';
import type { ViewGroup } from '../../management/common/viewGroup';

/**
 * What changed on the site, as the routes announce it on `ApiDeps.changes` (an Emitter). Routes
 * say only what happened; the updates socket (siteUpdatesHub.ts) decides who may hear of it.
 * Each change carries what that decision needs: the cameras before and after, the view before.
 */
export type SiteChange =
  /** Cameras added or reconfigured: their status is sent again too. */
  | { type: 'cameras'; cameraIds: string[] }
  /** A view with its group (who sees a view is who sees its group); `before` with the group it was in. */
  | { type: 'view'; action: 'upserted'; view: View; group: ViewGroup; before?: { view: View; group: ViewGroup } }
  | { type: 'view'; action: 'deleted'; view: View; group: ViewGroup }
  | {
    type: 'bookmark'; action: 'created' | 'updated' | 'deleted'; bookmarkId: string; cameraIds: string[];
    /** For an update: the cameras before it, so users who saw it then and not now hear it is gone. */
    cameraIdsBefore?: string[];
  }
  | { type: 'evidenceLock'; action: 'created' | 'extended' | 'deleted'; lockId: string; cameraIds: string[] }
  /** Any audited configuration change (access.ts `audit`): clients refetch these resources. */
  | { type: 'configuration'; resources: readonly ConfigurationResource[] };
