/**
 * Headless Chromium through playwright-core, and what the test pages report. Tests skip
 * with a visible warning when playwright-core or /usr/bin/chromium is missing; CI installs both.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const playwright = await import('playwright-core').catch(() => undefined);

/** Why browser tests cannot run here, or undefined when they can. */
export const browserMissing: string | undefined = !playwright
  ? 'playwright-core is not installed'
  : !existsSync(CHROMIUM)
    ? `no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`
    : undefined;
if (browserMissing && process.env.CI) {
  // CI installs both: there a missing browser is a broken setup, not a reason to skip.
  throw new Error(`e2e: browser tests cannot run in CI: ${browserMissing}`);
}
if (browserMissing) console.warn(`e2e: skipping browser tests: ${browserMissing}`);

/** Launches headless Chromium with flags that keep it off the network and allow muted autoplay. */
export async function launchChromium(): Promise<Browser> {
  if (!playwright) throw new Error('playwright-core is not installed');
  return playwright.chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required',
    ],
  });
}

/** A new page (320x240 unless told), with its console errors and exceptions collected in `log`. */
export async function openPage(browser: Browser, viewport = { width: 320, height: 240 }): Promise<{ page: Page; log: string[] }> {
  const page = await browser.newPage({ viewport });
  return { page, log: pageLog(page) };
}

/** What every test page keeps in `window.e2e` (each page fills the fields it knows). */
export interface PageState {
  /** A failure inside the page: a thrown error, an unsupported type, a fatal player error. */
  error?: string;
  /** The WebSocket's close code and reason, once closed. */
  closeCode?: number;
  closeReason?: string;
  mimeType?: string;
  /** Frames decoded (jsmpeg) or segments appended (MSE). */
  frames?: number;
  /** Non-fatal player errors, by detail (hls.js). */
  warnings?: string[];
}

declare global {
  interface Window {
    e2e: PageState;
    /** jsmpeg page: a fingerprint of the canvas pixels, and how many red levels it has. */
    canvasHash?: () => number;
    canvasLevels?: () => number;
  }
}

export async function pageState(page: Page): Promise<PageState> {
  return page.evaluate(() => window.e2e);
}

/**
 * Collects the page's console errors and uncaught exceptions, so a failed assertion shows
 * what the page said.
 */
function pageLog(page: Page): string[] {
  const log: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') log.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => log.push(`pageerror: ${e.message}`));
  return log;
}

/** Where screenshots go (git-ignored): e2e/screenshots/<name>.png. */
export function screenshotPath(name: string): string {
  const dir = fileURLToPath(new URL('../screenshots/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  return join(dir, `${name}.png`);
}
