/**
 * The Smart Client end to end, against a real all-in-one site serving the built renderer and
 * recording four GStreamer cameras: the journey of smartClientJourney.ts in headless Chromium,
 * then the same journey in the Electron shell when this machine has an Electron binary (and a
 * display); otherwise the Electron run is skipped and says why.
 */
import { dirname, join } from 'node:path';
import type { Browser, BrowserContext, Download } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserMissing, launchChromium } from '../harness/browser';
import { chooseExportFolder, electronMissing, launchElectronClient } from '../harness/electronClient';
import type { ElectronClient } from '../harness/electronClient';
import { TIME_SCALE, openClientContext } from '../harness/smartClientPage';
import { SmartClientSite, until } from '../harness/smartClientSite';
import { smartClientJourney } from './smartClientJourney';

describe.skipIf(browserMissing)('Smart Client against a real site', () => {
  let site: SmartClientSite | undefined;
  const opened = () => {
    if (!site) throw new Error('the site did not open');
    return site;
  };

  // Building the renderer (when stale), four cameras and their first frames.
  beforeAll(async () => {
    site = await SmartClientSite.open();
  }, 120_000 * TIME_SCALE);
  afterAll(async () => {
    await site?.close();
  }, 60_000);

  describe('in Chromium', () => {
    let browser: Browser | undefined;
    let context: BrowserContext | undefined;
    afterAll(async () => {
      await context?.close();
      await browser?.close();
    });

    smartClientJourney({
      name: 'chromium',
      site: opened,
      open: async () => {
        browser = await launchChromium();
        context = await openClientContext(browser, { acceptDownloads: true });
        const page = await context.newPage();
        await page.goto(`${opened().origin}/`);
        return page;
      },
      prepareExportSave: async (page, folder) => {
        const downloads: Download[] = [];
        page.on('download', (d) => downloads.push(d));
        return async () => {
          // The session downloads a finished export by itself (no click needed).
          let saves: string | null = null;
          await until(async () => {
            saves = await page.evaluate(() => sessionStorage.getItem('nightjar.exportSaves'));
            return downloads.length > 0;
          }, () => `the browser to download the finished export by itself; the session's saves: ${saves}`, 30_000 * TIME_SCALE);
          const path = join(folder, downloads[0]!.suggestedFilename());
          await downloads[0]!.saveAs(path);
          return path;
        };
      },
    });
  });

  if (electronMissing) {
    describe('in Electron', () => {
      console.warn(`e2e: Smart Client Electron run skipped: ${electronMissing}`);
      it.skip(`Electron run skipped: ${electronMissing}`, () => undefined);
    });
  } else {
    describe('in Electron', () => {
      let client: ElectronClient | undefined;
      afterAll(async () => {
        await client?.close();
      });

      smartClientJourney({
        name: 'electron',
        site: opened,
        open: async () => {
          client = await launchElectronClient(opened());
          return client.page;
        },
        prepareExportSave: async (page, folder) => {
          await chooseExportFolder(client!, page, folder);
          return async () => {
            // The job's row says where the file went once it is completely written.
            const note = page.getByRole('dialog', { name: 'Export video' }).getByText(/^Saved: /);
            await note.waitFor({ timeout: 60_000 * TIME_SCALE });
            const path = (await note.innerText()).replace(/^Saved: /, '').split(', ')[0]!.trim();
            expect(dirname(path)).toBe(folder);
            return path;
          };
        },
      });
    });
  }
});
