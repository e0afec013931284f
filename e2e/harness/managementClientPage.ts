/**
 * How the Management Client e2e tests read and drive the app: by what an administrator sees
 * (the site tree's entries, tables and their rows, tabs, dialogs, labelled fields), plus the
 * steps' runner, the documentation screenshots, and the Smart Client's live tile.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { it } from 'vitest';
import type { CameraStatusBody } from '@nightjar/vms-core';
import type { OnvifSimulator } from '@nightjar/vms-core/test-harness';
import { TIME_SCALE, UI_TIMEOUT_MS, treeCamera, waitForVideosAdvancing } from './smartClientPage';

export { TIME_SCALE, UI_TIMEOUT_MS };

/** An entry of the site navigation tree (Cameras, Roles, Audit log, …). */
export const treeEntry = (page: Page, label: string): Locator =>
  page.getByRole('navigation', { name: 'Site navigation' }).getByRole('button', { name: label, exact: true });

/** Opens a page from the site tree and waits until it is shown (the main region takes its name). */
export async function openPage(page: Page, label: string): Promise<Locator> {
  await treeEntry(page, label).click();
  const main = page.getByRole('main', { name: label });
  await main.waitFor({ timeout: UI_TIMEOUT_MS });
  return main;
}

/** The row of a labelled table whose cells include `text` exactly. */
export function tableRow(scope: Page | Locator, table: string, text: string): Locator {
  // The inner locator of `has` is matched inside each row, so it must start from the page.
  const page = 'mainFrame' in scope ? scope : scope.page();
  return scope.getByRole('table', { name: table, exact: true }).getByRole('row').filter({ has: page.getByRole('cell', { name: text, exact: true }) });
}

/** A tab of the selected item's properties. */
export const propertyTab = (page: Page, name: string | RegExp): Locator =>
  page.getByRole('region', { name: 'Properties' }).getByRole('tab', { name });

export const dialog = (page: Page, title: string): Locator => page.getByRole('dialog', { name: title, exact: true });

/** Waits for a notice in the corner ("Storage Recordings saved."). */
export async function waitForNotice(page: Page, text: string | RegExp): Promise<void> {
  await page.getByText(text).first().waitFor({ timeout: UI_TIMEOUT_MS });
}

/** The texts of each row of a table (one string per cell), header row left out. */
export async function tableTexts(table: Locator): Promise<string[][]> {
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText.trim())));
}

/** What a camera's recording pill says for a status (devices/cameraStatusText.ts, leaving out errors and manual recording). */
export const recordingLabel = (s: CameraStatusBody): string => (s.recording ? (s.motion ? 'Recording · motion' : 'Recording') : (s.motion ? 'Motion' : 'Idle'));

/** Waits until the first-run wizard lists the simulator (by its address) and leaves only it chosen. */
export async function expectDiscovered(form: Locator, sim: OnvifSimulator): Promise<void> {
  await tableRow(form, 'Cameras to add', sim.xaddr).waitFor({ timeout: UI_TIMEOUT_MS });
  // Other tests' simulators on this machine may answer too: add only ours.
  for (const row of await form.getByRole('table', { name: 'Cameras to add' }).locator('tbody tr').all()) {
    const box = row.getByRole('checkbox');
    if ((await box.count()) === 0) continue;
    if ((await row.innerText()).includes(sim.xaddr)) await box.check();
    else await box.uncheck();
  }
}

/** In the Smart Client: opens the camera from the tree (double-click) and waits until its tile plays on. */
export async function watchLive(smart: Page, camera: string): Promise<void> {
  await treeCamera(smart, camera).dblclick();
  const tile = smart.locator(`[data-testid="video-tile"]:has(.nj-name[title="${camera}"])`);
  await tile.and(smart.locator('[data-state="playing"]')).waitFor({ timeout: UI_TIMEOUT_MS });
  await waitForVideosAdvancing(tile.locator('video'), 1, 1);
}

/**
 * Where the documentation screenshots go (docs/screenshots/, kept in the repository), one per
 * window size administrators use: `<name>-1920.png` and `<name>-1366.png`.
 */
const DOC_SHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
export const DOC_SIZES = [{ width: 1920, height: 1080 }, { width: 1366, height: 768 }] as const;

/**
 * Screenshots the window at each documentation size, then restores its size. `ready` runs
 * after each resize and waits for what the picture must show (layouts re-flow).
 */
export async function docScreenshots(page: Page, name: string, ready: () => Promise<void> = async () => undefined): Promise<string[]> {
  mkdirSync(DOC_SHOTS, { recursive: true });
  await dismissNotices(page);
  const before = page.viewportSize();
  const paths: string[] = [];
  try {
    for (const size of DOC_SIZES) {
      await page.setViewportSize(size);
      await ready();
      // Two frames: the resize's layout and paint are done before the picture is taken.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const path = join(DOC_SHOTS, `${name}-${size.width}.png`);
      await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
      paths.push(path);
    }
  } finally {
    if (before) await page.setViewportSize(before);
  }
  return paths;
}

/** The corner's notices ("… saved.") would cover the page: dismissed, as an administrator would. */
export async function dismissNotices(page: Page): Promise<void> {
  const dismiss = page.locator('.notices').getByRole('button', { name: 'Dismiss' });
  while (await dismiss.count() > 0) {
    // A notice may also leave by itself between the count and the click: then the next one is taken.
    await dismiss.first().click({ timeout: 2000 }).catch(() => undefined);
  }
}

/** One documentation screenshot, docs/screenshots/<name>.png, of the window at `size` (restored after). */
export async function docScreenshot(page: Page, name: string, size: { width: number; height: number } = DOC_SIZES[0]): Promise<string> {
  mkdirSync(DOC_SHOTS, { recursive: true });
  await dismissNotices(page);
  const before = page.viewportSize();
  const path = join(DOC_SHOTS, `${name}.png`);
  try {
    await page.setViewportSize(size);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
  } finally {
    if (before) await page.setViewportSize(before);
  }
  return path;
}

/**
 * Steps that build on each other, as an administrator's session does: each is a test, and the
 * first failure stops the later ones at once ("not run: …") instead of letting them time out.
 * A failing step leaves a screenshot of the window (e2e/screenshots/<failedShot>.png).
 */
export function journeySteps(o: { page: () => Page | undefined; failedShot: string }) {
  let failed: string | undefined;
  return (name: string, body: () => Promise<void>, timeoutMs: number) => {
    const limit = timeoutMs * TIME_SCALE;
    it(name, async () => {
      if (failed) throw new Error(`not run: the step "${failed}" failed`);
      let timer: NodeJS.Timeout | undefined;
      try {
        // Ends the step just before vitest would, so that an overrun also stops the later steps.
        await Promise.race([body(), new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`the step took more than ${limit - 2000} ms`)), limit - 2000);
        })]);
      } catch (e) {
        failed = name;
        await o.page()?.screenshot({ path: o.failedShot, timeout: 5000 }).catch(() => undefined);
        throw e;
      } finally {
        clearTimeout(timer);
      }
    }, limit + 8000);
  };
}
