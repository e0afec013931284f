/**
 * Driving the real Management Client (the renderer the site serves at `/admin/`) from the
 * benchmarks: building it when stale, signing in, and timing in the page how long a page of
 * the site tree takes to show what it lists (performance.now() inside the page, polled per
 * animation frame, so Playwright's round trips are not counted).
 */
import type { Browser, Page } from 'playwright-core';
import { managementClientBuilder } from '../../apps/management-client/scripts/build';

export const ADMIN_VIEWPORT = { width: 1920, height: 1080 } as const;

export async function ensureManagementClientBuilt(log: (m: string) => void): Promise<string> {
  const stale = managementClientBuilder.staleness();
  if (stale) {
    const report = await managementClientBuilder.build({ production: true });
    if ('skipped' in report.renderer) throw new Error(`the Management Client renderer was not built: ${report.renderer.skipped}`);
    log(`built the Management Client (${stale}) in ${report.ms} ms`);
  }
  return managementClientBuilder.rendererDir;
}

/** A new context signed in to /admin/ as `username`, past the first-run offer. */
export async function openAdmin(browser: Browser, siteUrl: string, username: string, password: string): Promise<Page> {
  const context = await browser.newContext({ viewport: ADMIN_VIEWPORT });
  context.setDefaultTimeout(120_000);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`admin page error: ${e.message}`));
  await page.goto(`${siteUrl}/admin/`);
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Site navigation' }).waitFor();
  const notNow = page.getByRole('button', { name: 'Not now' });
  if (await notNow.isVisible().catch(() => false)) await notNow.click();
  return page;
}

/**
 * Milliseconds from `act` (run inside the page) until the Cameras table lists `rows` rows
 * (cameras and group headers: its aria-rowcount, less the column header) and shows the first
 * of them, measured in the page. The table renders only the rows its pane shows, so the count
 * is the table's own statement of what it lists. `act` is 'open' (go to the Cameras node of
 * the tree) or a filter text typed into the page's filter box.
 */
export async function timeCameraRows(page: Page, act: { open: true } | { filter: string }, rows: number): Promise<number> {
  // A string, not a function: tsx's transform names inner functions with a helper the page lacks.
  return page.evaluate(`(async () => {
    const act = ${JSON.stringify(act)};
    const rows = ${rows};
    const count = () => {
      const table = document.querySelector('table[aria-label="Cameras"]');
      if (!table) return 0;
      // Shown means listed and painted: at least one row is in the document when there are rows.
      const listed = Number(table.getAttribute('aria-rowcount')) - 1;
      return listed === 0 || table.querySelector('tr[aria-rowindex="2"], tbody tr[aria-rowindex]') ? listed : -1;
    };
    const started = performance.now();
    if (act.open) {
      location.hash = '#/cameras';
    } else {
      const input = document.querySelector('input[aria-label="Filter cameras"]');
      if (!input) throw new Error('no camera filter on the page');
      // React listens for input events; its value tracker needs the native setter.
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, act.filter);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
    for (;;) {
      await new Promise((r) => requestAnimationFrame(r));
      if (count() === rows) return performance.now() - started;
      if (performance.now() - started > 60000) throw new Error(count() + ' rows shown after 60 s, expected ' + rows);
    }
  })()`);
}

/** Leaves the Cameras page (to the site page) and waits until its table is gone. */
export async function leaveCameras(page: Page): Promise<void> {
  await page.evaluate('location.hash = "#/site"');
  await page.locator('table[aria-label="Cameras"]').waitFor({ state: 'detached' });
}
