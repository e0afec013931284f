/**
 * The sign-in form: site address, user name, password, and the sites signed in to before.
 * Failures are explained next to the form (unreachable site, wrong password, lockout with a
 * countdown); a session that ended shows why above it.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Icon } from '../shell/Icon';
import { useNow } from '../shell/useNow';
import { RecentServerList } from './RecentServerList';
import { RecentServers, normalizeAddress } from './recentServers';
import type { RecentServer } from './recentServers';
import type { SignInRequest } from './signedInSession';
import { formatWait, signInProblem } from './signInErrors';
import type { SignInProblem } from './signInErrors';

export interface SignInPageProps<S> {
  /** The application's name, as the form's title (e.g. "Nightjar Smart Client"). */
  product: string;
  /** Makes the app's session; its ApiError (network, wrong password, lockout) is explained on the form. */
  signIn: (request: SignInRequest) => Promise<S>;
  /** Pre-filled when no site was used before: the page's own origin, or the site Electron loaded. */
  defaultAddress: string;
  /** Why the last session ended, if it did not end by signing out. */
  notice?: string | undefined;
  onSignedIn: (session: S) => void;
}

export function SignInPage<S>({ product, signIn, defaultAddress, notice, onSignedIn }: SignInPageProps<S>) {
  const recent = useMemo(() => new RecentServers(window.localStorage), []);
  const [servers, setServers] = useState<RecentServer[]>(() => recent.load());
  const [address, setAddress] = useState(() => servers[0]?.address ?? defaultAddress);
  const [username, setUsername] = useState(() => servers[0]?.username ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<SignInProblem | null>(null);
  const now = useNow(1000, problem?.retryAt !== undefined);
  const fields = { address: useRef<HTMLInputElement>(null), username: useRef<HTMLInputElement>(null), password: useRef<HTMLInputElement>(null) };
  const waitMs = problem?.retryAt !== undefined ? problem.retryAt - now : 0;

  useEffect(() => {
    // Focus the first thing the operator still has to type; only on first show, later focus follows the errors.
    (username ? fields.password : fields.username).current?.focus();
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const origin = normalizeAddress(address);
    if (!origin) {
      setProblem({ field: 'address', message: 'Enter the site address, e.g. 192.168.1.20:8080 or https://vms.example.com.' });
      fields.address.current?.focus();
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const session = await signIn({ address: origin, username: username.trim(), password });
      setServers(recent.remember({ address: origin, username: username.trim(), lastUsed: Date.now() }));
      onSignedIn(session);
    } catch (error) {
      const p = signInProblem(error, origin, Date.now());
      setProblem(p);
      setBusy(false);
      if (p.field === 'password') {
        setPassword('');
        fields.password.current?.focus();
      } else if (p.field === 'address') fields.address.current?.focus();
    }
  };

  const pick = (s: RecentServer) => {
    setAddress(s.address);
    setUsername(s.username);
    setPassword('');
    setProblem(null);
    fields.password.current?.focus();
  };

  const message = problem && (waitMs > 0 || problem.retryAt === undefined)
    ? problem.retryAt !== undefined ? problem.message.replace(/Try again in .*$/, `Try again in ${formatWait(waitMs / 1000)}.`) : problem.message
    : null;

  return (
    <div className="signin">
      <form className="signin-card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="signin-title">
        <div className="signin-brand">
          <Icon name="logo" size={28} />
          <div>
            <h1 id="signin-title">{product}</h1>
            <p className="muted">Sign in to a site</p>
          </div>
        </div>
        {notice ? <div className="signin-notice" role="status">{notice}</div> : null}
        <label className="field">
          <span>Site address</span>
          <input ref={fields.address} value={address} onChange={(e) => setAddress(e.target.value)} placeholder="host:port"
            autoComplete="url" spellCheck={false} aria-invalid={problem?.field === 'address'} disabled={busy} />
        </label>
        <label className="field">
          <span>User name</span>
          <input ref={fields.username} value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username"
            spellCheck={false} disabled={busy} />
        </label>
        <label className="field">
          <span>Password</span>
          <input ref={fields.password} type="password" value={password} onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password" aria-invalid={problem?.field === 'password'} disabled={busy} />
        </label>
        {message ? <div className="signin-error" role="alert"><Icon name="warning" size={14} />{message}</div> : null}
        <button type="submit" className="btn btn-primary signin-submit" disabled={busy || !username.trim() || !password || waitMs > 0}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <RecentServerList servers={servers} current={normalizeAddress(address)} onPick={pick} onForget={(a) => setServers(recent.forget(a))} />
      </form>
    </div>
  );
}
