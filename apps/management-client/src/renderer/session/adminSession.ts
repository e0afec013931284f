/**
 * The Management Client's session: the shared signed-in session, with what the first screen
 * needs (who the user is and may do, the site's name) asked for at sign-in.
 */
import { SignedInSession, currentUserQuery } from '@nightjar/ui';
import type { SessionUser, SignInRequest, SiteClient } from '@nightjar/ui';
import { siteInfoQuery } from '../basics/siteQueries';

export class AdminSession extends SignedInSession {
  private constructor(client: SiteClient, user: SessionUser) {
    super(client, user, {
      prefetch: (queryClient) => {
        void queryClient.prefetchQuery(currentUserQuery(client));
        void queryClient.prefetchQuery(siteInfoQuery(client));
      },
    });
  }

  static async signIn(request: SignInRequest): Promise<AdminSession> {
    const { client, user } = await SignedInSession.connect(request);
    return new AdminSession(client, user);
  }
}
