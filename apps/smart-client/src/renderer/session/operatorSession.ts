/**
 * The Smart Client's session: the shared signed-in session plus this window's client store
 * (views, layout, playback time, selection). Cameras and views are fetched at sign-in, together:
 * the first live frame waits for both.
 */
import { SignedInSession, camerasQuery, createClientStore, currentUserQuery, viewGroupsQuery, viewsQuery } from '@nightjar/ui';
import type { ClientStore, SessionUser, SignInRequest, SiteClient } from '@nightjar/ui';

export class OperatorSession extends SignedInSession {
  readonly store: ClientStore = createClientStore({ playbackTimeMs: Date.now() });

  private constructor(client: SiteClient, user: SessionUser) {
    super(client, user, {
      prefetch: (queryClient) => {
        void queryClient.prefetchQuery(camerasQuery(client));
        void queryClient.prefetchQuery(viewsQuery(client));
        // The views' groups, and the user with their client profile (workspaces, layout, idle sign-out).
        void queryClient.prefetchQuery(viewGroupsQuery(client));
        void queryClient.prefetchQuery(currentUserQuery(client));
      },
    });
  }

  static async signIn(request: SignInRequest): Promise<OperatorSession> {
    const { client, user } = await SignedInSession.connect(request);
    return new OperatorSession(client, user);
  }
}
