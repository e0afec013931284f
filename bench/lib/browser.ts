import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { Cleanup } from './cleanup';

export const CHROMIUM = '/usr/bin/chromium';

/** Headless Chromium as the e2e tests run it (software rendering, no GPU), closed at cleanup. */
export async function launchChromium(cleanup: Cleanup): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required',
      // The page is served by Playwright's router under the site's origin, which Chromium then treats as
      // public and blocks from loopback sockets; the check has nothing to do with what is measured.
      '--disable-features=LocalNetworkAccessChecks'],
  });
  cleanup.add('chromium', () => browser.close());
  return browser;
}

/** Chromium's version string, e.g. "HeadlessChrome/140.0…" → "140.0…". */
export function browserVersion(browser: Browser): string {
  return browser.version();
}

/**
 * Opens `html` as a page of the site's own origin (served by Playwright, not by the site), so
 * its fetch() and WebSocket calls to the API are same-origin, as in the real web client.
 */
export async function openSitePage(browser: Browser, siteUrl: string, html: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage(viewport ? { viewport } : {});
  const url = `${siteUrl}/__bench.html`;
  await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  await page.goto(url);
  return page;
}
