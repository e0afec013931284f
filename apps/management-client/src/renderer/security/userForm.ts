/**
 * Checks the user forms make before asking the site (the same rules the site applies, so the
 * message appears at once beside the field), role membership edits, and the lock text. Pure.
 */

export const USERNAME_PATTERN = /^[\w.@-]{1,64}$/;
export const MIN_PASSWORD = 8;
export const MAX_PASSWORD = 1024;

export interface PasswordDraft {
  password: string;
  confirm: string;
}

export interface NewUserDraft extends PasswordDraft {
  username: string;
  roleIds: string[];
}

export type UserField = 'username' | 'password' | 'confirm';
export type UserProblems = Partial<Record<UserField, string>>;

export function passwordProblems(d: PasswordDraft): UserProblems {
  const out: UserProblems = {};
  if (d.password.length < MIN_PASSWORD) out.password = `At least ${MIN_PASSWORD} characters.`;
  else if (d.password.length > MAX_PASSWORD) out.password = `At most ${MAX_PASSWORD} characters.`;
  if (d.confirm !== d.password) out.confirm = 'The passwords differ.';
  return out;
}

export function newUserProblems(d: NewUserDraft, existing: readonly string[]): UserProblems {
  const out: UserProblems = {};
  if (!USERNAME_PATTERN.test(d.username)) out.username = '1 to 64 letters, digits or . _ @ -';
  // The site keeps user names unique whatever their case (COLLATE NOCASE).
  else if (existing.some((u) => u.toLowerCase() === d.username.toLowerCase())) out.username = `A user named ${d.username} exists.`;
  return { ...out, ...passwordProblems(d) };
}

export const hasProblems = (p: UserProblems) => Object.values(p).some(Boolean);

/** The role list with a role added or removed, in the order the site lists roles. */
export function withRole(roleIds: readonly string[], roleId: string, member: boolean, order: readonly string[]): string[] {
  const set = new Set(roleIds);
  if (member) set.add(roleId);
  else set.delete(roleId);
  const rank = (id: string) => {
    const i = order.indexOf(id);
    return i < 0 ? order.length : i;
  };
  return [...set].sort((a, b) => rank(a) - rank(b));
}

/** "Locked for 4 more minutes (until 14:05)"; undefined when not locked (or the lock has passed). */
export function lockText(lockedUntil: string | undefined, now: number): string | undefined {
  if (!lockedUntil) return undefined;
  const until = Date.parse(lockedUntil);
  if (!Number.isFinite(until) || until <= now) return undefined;
  const minutes = Math.ceil((until - now) / 60_000);
  const clock = new Date(until).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return `Locked for ${minutes} more minute${minutes === 1 ? '' : 's'} (until ${clock})`;
}
