/**
 * Asking for a site's address when no local site runs (the Management Client may administer
 * any site). Electron has no native text prompt, so the question is a small page with a form
 * and no script: submitting it starts a navigation to PROMPT_ACTION, which main stops and reads
 * (`promptAnswer`). `.invalid` never resolves (RFC 2606), so even an unstopped submit reaches
 * no network. Pure, so the page and the parsing are tested without Electron.
 */
import { VmsError } from '@nightjar/vms-core';

export const PROMPT_ACTION = 'https://site-address.nightjar.invalid/';

/** The origin of a site address as people type it: "host:port", "http://host:port/admin/"… */
export function parseSiteAddress(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') throw new VmsError('VMS_ERR_BAD_INPUT', 'type the address of a Nightjar site, e.g. http://127.0.0.1:7480');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new VmsError('VMS_ERR_BAD_INPUT', `"${trimmed}" is not an address (e.g. http://127.0.0.1:7480)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new VmsError('VMS_ERR_BAD_INPUT', `a site is reached over http or https, not ${url.protocol}`);
  if (url.username || url.password) throw new VmsError('VMS_ERR_BAD_INPUT', 'sign in on the site’s page, not in its address');
  return url.origin;
}

export type PromptAnswer = { kind: 'address'; text: string } | { kind: 'cancel' };

/** What a navigation from the prompt page means; undefined for anything else (a stray link). */
export function promptAnswer(url: string): PromptAnswer | undefined {
  if (!url.startsWith(PROMPT_ACTION)) return undefined;
  const query = new URL(url).searchParams;
  if (query.get('cancel') !== null) return { kind: 'cancel' };
  return { kind: 'address', text: query.get('address') ?? '' };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The prompt page: the question, the last answer and why it did not do, and Connect / Quit. */
export function siteAddressPage(o: { title: string; message: string; value?: string; error?: string }): string {
  const error = o.error ? `<p role="alert" style="color:#f85149">${escapeHtml(o.error)}</p>` : '';
  return '<!doctype html><html lang="en"><head><meta charset="utf-8">'
    + `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; form-action ${PROMPT_ACTION}">`
    + `<meta name="color-scheme" content="dark"><title>${escapeHtml(o.title)}</title></head>`
    + '<body style="margin:0;padding:20px 24px;background:#16181c;color:#d6d9de;font:14px system-ui,sans-serif">'
    + `<form method="get" action="${PROMPT_ACTION}">`
    + `<p style="margin-top:0">${escapeHtml(o.message)}</p>`
    + '<label for="address" style="display:block;margin-bottom:4px">Site address</label>'
    + `<input id="address" name="address" autofocus required value="${escapeHtml(o.value ?? '')}" placeholder="http://127.0.0.1:7480" `
    + 'style="box-sizing:border-box;width:100%;padding:6px;background:#0d0f12;color:inherit;border:1px solid #3a3f47;border-radius:4px">'
    + error
    + '<p style="text-align:right;margin-bottom:0">'
    + '<button type="submit" name="cancel" value="1" formnovalidate>Quit</button> '
    + '<button type="submit">Connect</button></p></form></body></html>';
}
