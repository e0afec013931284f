/**
 * Which URLs belong to the app. The renderer is served by the site, so the app's origin is the
 * site's (http://127.0.0.1:PORT): windows may navigate only within it, IPC is answered only for
 * frames of it, and everything else is either an external http(s) link (opened in the browser)
 * or refused. Pure, so it is tested without Electron.
 */
import { VmsError } from '@nightjar/vms-core';

export function originOf(url: string): string | undefined {
  try {
    const origin = new URL(url).origin;
    // Opaque origins (data:, about:blank, file: in some cases) serialise as "null": never the app.
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

export function isAppUrl(url: string, appOrigin: string): boolean {
  return originOf(url) === appOrigin;
}

/** Links that may leave the app for the user's browser: http(s) only, never file:, javascript: or custom schemes. */
export function isExternalLink(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** The absolute URL of an app path such as "/app/live?view=1"; refuses anything that is not a path of the app. */
export function appUrl(appOrigin: string, path: string): string {
  if (typeof path !== 'string' || !path.startsWith('/') || path.startsWith('//') || path.includes('\\')) {
    throw new VmsError('VMS_ERR_BAD_INPUT', `"${String(path)}" is not a path of the app (it must start with a single "/")`);
  }
  const url = new URL(path, appOrigin);
  if (url.origin !== appOrigin) throw new VmsError('VMS_ERR_BAD_INPUT', `"${path}" leaves the app`);
  return url.toString();
}

/** An IPC call is answered only when it comes from a live frame showing the app's origin. */
export function isTrustedSender(frame: { url: string } | null | undefined, appOrigin: string): boolean {
  return !!frame && isAppUrl(frame.url, appOrigin);
}
