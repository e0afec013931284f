/**
 * The Smart Client's Electron shell under Playwright (playwright-core's `_electron`), when this
 * machine can run it: the `electron` package must have its binary (its download is not run
 * here, see packages/desktop/README.md) and Linux needs a display. The shell is started as
 * `pnpm start` starts it (dist/main/main.cjs with --data/--port/--client-dir); it finds the
 * test's site through DATA/site.lock.json and attaches to it instead of starting a site.
 */
import type { ElectronApplication, Page } from 'playwright-core';
import { displayMissing, electronBinary } from '@nightjar/desktop';
import { APP_DIR, MAIN_BUNDLE, RENDERER_DIR } from '../../apps/smart-client/scripts/build';
import { TIME_SCALE } from './smartClientPage';
import type { SmartClientSite } from './smartClientSite';
import { until } from './smartClientSite';

const binary = electronBinary(APP_DIR);

/** Why the Electron run cannot happen here, or undefined when it can. */
export const electronMissing: string | undefined = binary.ok ? displayMissing() : binary.reason;

export interface ElectronClient {
  app: ElectronApplication;
  /** The main window, at the site's sign-in form. */
  page: Page;
  close(): Promise<void>;
}

export async function launchElectronClient(site: SmartClientSite): Promise<ElectronClient> {
  if (!binary.ok) throw new Error(`Electron cannot run: ${binary.reason}`);
  site.publishLock();
  const { _electron } = await import('playwright-core');
  const port = new URL(site.origin).port;
  const app = await _electron.launch({
    executablePath: binary.path,
    args: [MAIN_BUNDLE, `--data=${site.e2e.dataDir}`, `--port=${port}`, `--client-dir=${RENDERER_DIR}`],
    timeout: 60_000,
  });
  try {
    const page = await app.firstWindow({ timeout: 60_000 });
    page.setDefaultTimeout(60_000 * TIME_SCALE);
    // The Chromium run's size, so both runs lay out alike; the window's own size serves as well.
    await page.setViewportSize({ width: 1366, height: 768 }).catch(() => undefined);
    return { app, page, close: () => app.close() };
  } catch (e) {
    await app.close();
    throw e;
  }
}

/**
 * Export destinations in Electron come from the native folder dialog; the test answers it in
 * the main process with `folder`, as an operator picking that folder would.
 */
export async function chooseExportFolder(client: ElectronClient, page: Page, folder: string): Promise<void> {
  await client.app.evaluate(({ dialog }, dir) => {
    dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [dir] })) as typeof dialog.showOpenDialog;
  }, folder);
  const dialog = page.getByRole('dialog', { name: 'Export video' });
  await dialog.getByRole('button', { name: 'Choose folder…' }).click();
  const field = dialog.getByLabel('Export folder');
  await until(async () => (await field.inputValue()) === folder, () => `the export folder field to show ${folder}`, 10_000 * TIME_SCALE);
}
