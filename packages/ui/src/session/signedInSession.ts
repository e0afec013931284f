/**
 * Everything one sign-in owns: the site client (tokens in memory only), the query cache, this
 * window's client store, the connection monitor and the updates socket. Made by `signIn`,
 * released by `dispose`; the React tree only reads it through SiteContext.
 *
 * The session ends when the site refuses the refresh token (signed out elsewhere, expired,
 * password changed): `onDidEnd` then tells the app to show the sign-in form with the reason.
 */
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import type { SessionUser } from '../api/apiTypes';
import { ApiError, NETWORK_ERROR_CODE, SiteClient } from '../api/siteClient';
import { SiteUpdatesSocket, UPDATES_CLOSE_SIGNED_OUT, UPDATES_CLOSE_UNAUTHENTICATED } from '../api/siteUpdates';
import { ConnectionMonitor } from './connectionMonitor';
import type { SessionEnd } from './signInErrors';

export interface SignInRequest {
  address: string;
  username: string;
  password: string;
}

const SESSION_CLOSES = new Set([UPDATES_CLOSE_UNAUTHENTICATED, UPDATES_CLOSE_SIGNED_OUT]);

/** How long after an outage a refused refresh counts as "the site forgot the session". */
const RESTART_WINDOW_MS = 60_000;

export const isNetworkError = (e: unknown): boolean => e instanceof ApiError && (e.status === 0 || e.code === NETWORK_ERROR_CODE);

/** Queries retry what may pass on a second try (no answer, 5xx), never a refusal (4xx). */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError) return (error.status === 0 || error.status >= 500) && failureCount < 3;
  return failureCount < 1;
}

export interface SessionOptions {
  /** Queries the app's first screen needs, asked together at sign-in instead of one after another as components mount. */
  prefetch?: (queryClient: QueryClient, client: SiteClient) => void;
}

/**
 * A signed-in site for one window. Each client app subclasses it for what it adds (the Smart
 * Client its view store) and makes it with `connect` then `new`.
 */
export class SignedInSession {
  readonly queryClient: QueryClient;
  readonly connection: ConnectionMonitor;
  /** Pushed changes (statuses, views, bookmarks) into the query cache. */
  readonly updates: SiteUpdatesSocket;
  private endListeners = new Set<(reason: SessionEnd) => void>();
  private readonly disposers: (() => void)[] = [];
  private lastRecoveryAt = Number.NEGATIVE_INFINITY;
  private ending = false;

  constructor(readonly client: SiteClient, readonly user: SessionUser, o: SessionOptions = {}) {
    this.connection = new ConnectionMonitor({ probe: () => probeHealth(client.baseUrl) });
    const onError = (e: unknown) => (isNetworkError(e) ? this.connection.reportNetworkFailure() : this.connection.reportAnswer());
    const onSuccess = () => this.connection.reportAnswer();
    this.queryClient = new QueryClient({
      queryCache: new QueryCache({ onError, onSuccess }),
      mutationCache: new MutationCache({ onError, onSuccess }),
      defaultOptions: {
        queries: { retry: shouldRetry, refetchOnWindowFocus: false },
        mutations: { retry: false },
      },
    });
    this.updates = new SiteUpdatesSocket({
      url: client.resolveUrl('/api/updates', 'ws'),
      accessToken: (o) => client.accessToken(o),
      queryClient: this.queryClient,
    });
    o.prefetch?.(this.queryClient, client);
    const socketState = this.updates.onDidChangeState((state) => {
      // 'connecting' after a close is still down; only open and closed change the verdict. A
      // refused sign-in (4401) or a sign-out is about the session, not the connection: the
      // session's own end handles those.
      if (state.kind === 'open') this.connection.reportSocket(true);
      else if (state.kind === 'closed' && !this.ending && !SESSION_CLOSES.has(state.code)) this.connection.reportSocket(false);
    });
    this.disposers.push(
      () => socketState.dispose(),
      () => this.updates.dispose(),
      client.onDidChangeSession((s) => {
        if (s === null && !this.ending) this.end(this.recentlyRecovered() ? 'siteForgotSession' : 'expired');
      }),
      this.connection.onDidRecover(() => {
        this.lastRecoveryAt = Date.now();
        // Everything shown may have changed while the site was away. Live stream bodies are
        // left alone: players reconnect by themselves and ask for a new token only if theirs expired.
        void this.queryClient.invalidateQueries({ predicate: (q) => q.queryKey[2] !== 'live' });
      }),
    );
  }

  /** Signs in; throws the ApiError (network, wrong password, lockout) for the form to explain. */
  static async connect(request: SignInRequest): Promise<{ client: SiteClient; user: SessionUser }> {
    const client = new SiteClient({ baseUrl: request.address });
    try {
      const s = await client.login(request.username, request.password);
      return { client, user: s.user };
    } catch (e) {
      client.dispose();
      throw e;
    }
  }

  /** Adds something the session must release when it ends (the updates socket, a timer). */
  own(dispose: () => void): void {
    this.disposers.push(dispose);
  }

  onDidEnd(listener: (reason: SessionEnd) => void): () => void {
    this.endListeners.add(listener);
    return () => this.endListeners.delete(listener);
  }

  /** Signs out on the site; the window returns to the sign-in form (saying why) even when the site is away. */
  async signOut(reason: Extract<SessionEnd, 'signedOut' | 'idle'> = 'signedOut'): Promise<void> {
    this.ending = true;
    try {
      await this.client.logout();
    } catch {
      // Unreachable site: the tokens are dropped locally all the same and expire on the site.
    }
    this.end(reason);
  }

  dispose(): void {
    this.ending = true;
    for (const d of this.disposers.splice(0).reverse()) d();
    this.connection.dispose();
    this.queryClient.cancelQueries().catch(() => undefined);
    this.queryClient.clear();
    this.client.dispose();
    this.endListeners.clear();
  }

  private recentlyRecovered(): boolean {
    return this.connection.state.kind === 'reconnecting' || Date.now() - this.lastRecoveryAt < RESTART_WINDOW_MS;
  }

  private end(reason: SessionEnd): void {
    this.ending = true;
    for (const l of [...this.endListeners]) l(reason);
  }
}

/** GET /api/health without a token: any answer means the site is up again. */
async function probeHealth(baseUrl: string): Promise<boolean> {
  try {
    const r = await fetch(`${baseUrl}/api/health`, { cache: 'no-store' });
    return r.ok;
  } catch {
    return false;
  }
}
