/**
 * Problems by field path, as the site names them ("windows[1].from", "actions[0].cameras"):
 * the form's own checks and the site's answer, looked up the same way so each shows beside
 * the part of the form it is about. Pure.
 */
import { ApiError } from '@nightjar/ui';

export interface SiteProblem {
  field: string;
  message: string;
}

/** The site's problem when its error names a field, with the path taken off the message. */
export function siteProblem(error: unknown): SiteProblem | undefined {
  if (!(error instanceof ApiError) || !error.field) return undefined;
  return { field: error.field, message: withoutFieldPrefix(error.message, error.field) };
}

/**
 * The message for a field or one inside it ("windows[1]" shows "windows[1].from" too): the
 * form's own first, else the site's.
 */
export function problemAt(local: ReadonlyMap<string, string>, site: { field: string; message: string } | undefined, field: string): string | undefined {
  const within = (path: string) => path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`);
  for (const [path, message] of local) if (within(path)) return message;
  return site && within(site.field) ? site.message : undefined;
}

/** The site's message without the field path it starts with ("windows[1]: Mon … overlaps" → "Mon … overlaps"). */
export function withoutFieldPrefix(message: string, field: string): string {
  return message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
}
