/**
 * Asks for a site's address in a small window (see siteAddress.ts) until a site answers there
 * or the user quits. Resolves with the site's origin, or undefined when the user quit or closed
 * the window.
 */
import { errorMessage } from '@nightjar/vms-core';
import { siteAnswers } from './localSite';
import { parseSiteAddress, promptAnswer, siteAddressPage } from './siteAddress';
import { createPageWindow, pageUrl } from './windowFactory';

export function askSiteAddress(o: { title: string; message: string; initial?: string }): Promise<string | undefined> {
  return new Promise((done) => {
    let settled = false;
    const finish = (origin: string | undefined) => {
      if (settled) return;
      settled = true;
      done(origin);
      if (!win.isDestroyed()) win.close();
    };
    const show = (value: string, error?: string) => {
      if (!win.isDestroyed()) void win.loadURL(pageUrl(siteAddressPage({ title: o.title, message: o.message, value, ...(error ? { error } : {}) })));
    };
    const win = createPageWindow({
      html: siteAddressPage({ title: o.title, message: o.message, value: o.initial ?? '' }),
      title: o.title, width: 480, height: 260,
      onNavigate: (url) => {
        const answer = promptAnswer(url);
        if (!answer) return;
        if (answer.kind === 'cancel') return finish(undefined);
        let origin: string;
        try {
          origin = parseSiteAddress(answer.text);
        } catch (e) {
          return show(answer.text, errorMessage(e));
        }
        void siteAnswers(origin).then((ok) => (ok ? finish(origin) : show(answer.text, `No Nightjar site answers at ${origin}.`)));
      },
    });
    win.on('closed', () => finish(undefined));
  });
}
