/**
 * How the Smart Client e2e tests read and drive the app, by what an operator sees (roles,
 * labels, texts) wherever the UI names it, with the app's data-testids for the rest. Shared by
 * the Chromium and the Electron runs.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { TIMECODE_SAMPLE_Y, decodeTimecode, timecodeSampleXs } from '@nightjar/vms-core/test-harness';
import { until } from './e2eSite';
import type { ClientCamera, SmartClientSite } from './smartClientSite';

/**
 * Multiplies every wait of the Smart Client tests: E2E_TIME_SCALE=4 on a machine far busier
 * than CI (the defaults already allow for two loaded cores).
 */
export const TIME_SCALE = Math.max(1, Number(process.env.E2E_TIME_SCALE) || 1);

/**
 * A browser context the size of a workstation screen (1366×768) for driving a client. Actions
 * wait a minute for the page (the default is 30 s; two loaded cores can be slower).
 */
export async function openClientContext(browser: Browser, o: { acceptDownloads?: boolean } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, ...o });
  context.setDefaultTimeout(60_000 * TIME_SCALE);
  return context;
}

/** Waits are generous: the suite runs on two busy cores next to four encoders and a site. */
export const UI_TIMEOUT_MS = 30_000 * TIME_SCALE;

export const cameraTree = (page: Page): Locator => page.getByRole('tree', { name: 'Cameras' });
/** A camera's row: its accessible name starts with the camera's name (status marks follow). */
export const treeCamera = (page: Page, name: string): Locator =>
  cameraTree(page).getByRole('treeitem', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`) });
export const viewTile = (page: Page, tile: number): Locator => page.locator(`[data-testid="view-tile"][data-tile="${tile}"]`);
/** A stored view in the views panel, by its exact name. */
export const viewRow = (page: Page, name: string): Locator =>
  page.getByTestId('view-row').filter({ has: page.locator('.tree-label').getByText(name, { exact: true }) });
export const playbackTiles = (page: Page): Locator => page.getByTestId('playback-tile');
export const workspaceTab = (page: Page, name: 'Live' | 'Playback' | 'Search' | 'Alarms'): Locator => page.getByRole('tab', { name });

/** The names the camera tree lists, in order. */
export async function treeCameraNames(page: Page): Promise<string[]> {
  return (await cameraTree(page).getByRole('treeitem').locator('.tree-label').allInnerTexts()).map((s) => s.trim());
}

/** Fills and submits the sign-in form; the site address is the page's own origin already. */
export async function submitSignIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Drags `source` onto `target` with the HTML5 drag-and-drop events a browser sends (dragstart,
 * dragenter, dragover, drop, dragend) sharing one DataTransfer, so the app's own handlers write
 * and read the drag's data. Playwright's dragTo drives Chromium's native drag instead, which on
 * two loaded cores was seen to hang for over a minute at the drop.
 */
export async function dragAndDrop(source: Locator, target: Locator): Promise<void> {
  if ((await source.getAttribute('draggable')) !== 'true') throw new Error('the drag source is not draggable');
  const data = await source.page().evaluateHandle(() => new DataTransfer());
  try {
    await source.dispatchEvent('dragstart', { dataTransfer: data });
    for (const type of ['dragenter', 'dragover', 'drop']) await target.dispatchEvent(type, { dataTransfer: data });
    await source.dispatchEvent('dragend', { dataTransfer: data });
  } finally {
    await data.dispose();
  }
}

/** Each video's currentTime, in the order of `videos`. */
export function currentTimes(videos: Locator): Promise<number[]> {
  return videos.evaluateAll((vs) => (vs as HTMLVideoElement[]).map((v) => v.currentTime));
}

/**
 * Waits until every one of `count` videos has played on by `seconds`. Time is summed over
 * the polls, so a player that reconnects (a new MediaSource starts again near 0) still counts
 * what it plays after that; time standing still counts nothing.
 */
export async function waitForVideosAdvancing(videos: Locator, count: number, seconds: number, timeoutMs = UI_TIMEOUT_MS): Promise<void> {
  let last = await currentTimes(videos);
  if (last.length !== count) throw new Error(`expected ${count} videos, found ${last.length}`);
  const played = last.map(() => 0);
  await until(async () => {
    const now = await currentTimes(videos);
    if (now.length !== count) return false;
    now.forEach((t, i) => { played[i] = played[i]! + Math.max(0, t - last[i]!); });
    last = now;
    return played.every((p) => p >= seconds);
  }, () => `${count} videos playing ${seconds} s each; they played ${played.map((p) => p.toFixed(2)).join(', ')} s (now at ${last.map((t) => t.toFixed(2)).join(', ')})`, timeoutMs);
}

/**
 * The wall-clock instant burned into the picture a <video> shows: the page draws the current
 * frame into a canvas at the video's own size and samples the band's middle row; the samples
 * are decoded here. Null when there is no picture yet or the band is unreadable.
 */
export async function pictureTimecode(video: Locator): Promise<number | null> {
  const luma = await video.evaluate((v: HTMLVideoElement, o: { xs: number[]; y: number; width: number }) => {
    if (v.readyState < 2 || v.seeking || v.videoWidth !== o.width) return null;
    const canvas = document.createElement('canvas');
    canvas.width = v.videoWidth;
    canvas.height = v.videoHeight;
    const g = canvas.getContext('2d', { willReadFrequently: true });
    if (!g) return null;
    g.drawImage(v, 0, 0);
    const row = g.getImageData(0, o.y, canvas.width, 1).data;
    // BT.601 luma, as the band is drawn in black and white.
    return o.xs.map((x) => 0.299 * row[4 * x]! + 0.587 * row[4 * x + 1]! + 0.114 * row[4 * x + 2]!);
  }, { xs: timecodeSampleXs(320), y: TIMECODE_SAMPLE_Y, width: 320 });
  return luma ? decodeTimecode(luma) : null;
}

/**
 * Waits until each video shows a still, readable picture (the same timecode on reads at least
 * 300 ms apart: paused and done seeking), and returns those instants.
 */
export async function settledTimecodes(videos: Locator | Locator[], count: number, timeoutMs = UI_TIMEOUT_MS): Promise<number[]> {
  let last: (number | null)[] = [];
  let since = 0;
  await until(async () => {
    const all = Array.isArray(videos) ? videos : await videos.all();
    const read = await Promise.all(all.map(pictureTimecode));
    const same = read.length === count && read.every((t, i) => t !== null && t === last[i]);
    if (!same) since = Date.now();
    last = read;
    return same && Date.now() - since >= 300;
  }, () => `${count} still pictures with a readable timecode; read ${JSON.stringify(last)}`, timeoutMs);
  return last as number[];
}

/**
 * Each video (of `cameras`, in order) shows a still picture whose burned-in clock is `instant`
 * ±1 s. On failure the message adds the site's own picture of that instant, which tells a
 * camera lagging behind its recorded time (same offsets) from a client showing the wrong frame.
 */
export async function expectPicturesAt(site: SmartClientSite, videos: Locator | Locator[], cameras: readonly ClientCamera[], instant: number): Promise<void> {
  const offsets = (await settledTimecodes(videos, cameras.length)).map((t) => t - instant);
  if (offsets.every((o) => Math.abs(o) <= 1000)) return;
  const siteOffsets = await Promise.all(cameras.map(async (c) => ((await site.siteTimecodeAt(c.id, instant)) ?? Number.NaN) - instant));
  expect.fail(`the pictures at ${new Date(instant).toISOString()} show clocks ${offsets.join(', ')} ms off (allowed ±1000); `
    + `the site's own pictures of that instant are ${siteOffsets.join(', ')} ms off`);
}

/** The playback instant the transport bar shows (date and time to the ms, local time of the page). */
export async function playbackReadout(page: Page): Promise<number> {
  const readout = page.getByTestId('playback-time');
  const date = await readout.locator('.pb-readout-date').innerText();
  const time = await readout.locator('.pb-readout-time').innerText();
  const ms = await page.evaluate(([d, t]) => {
    const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{3}))?$/.exec(`${d} ${t}`);
    return m ? new Date(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, +(m[7] ?? 0)).getTime() : Number.NaN;
  }, [date.trim(), time.trim()] as const);
  if (Number.isNaN(ms)) throw new Error(`unreadable playback time "${date} ${time}"`);
  return ms;
}

/** The value a `datetime-local` field shows for `ms`, in the page's own time zone. */
export function dateTimeLocal(page: Page, ms: number): Promise<string> {
  return page.evaluate((t) => {
    const d = new Date(t);
    const p = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
  }, ms);
}

/** A linear map between the timeline canvas's x (page pixels) and time. */
export interface TimelineScale {
  xOf(timeMs: number): number;
  y: number;
}

/**
 * Learns where instants sit on the timeline canvas the way an operator would: by resting the
 * pointer at two places and reading the time the hover label gives (whole seconds, so the two
 * places are far apart).
 */
export async function timelineScale(page: Page): Promise<TimelineScale> {
  const canvas = page.getByTestId('playback-timeline').locator('canvas');
  // Measured once the layout holds still (the workspace may still be settling after a switch).
  let box: { x: number; y: number; width: number; height: number } | null = null;
  await until(async () => {
    const previous = box;
    box = await canvas.boundingBox();
    return box !== null && box.width > 0 && JSON.stringify(box) === JSON.stringify(previous);
  }, () => `the timeline canvas on screen and still; its box is ${JSON.stringify(box)}`, UI_TIMEOUT_MS);
  const { x, width, height } = box!;
  const y = box!.y + height - 8;
  const label = page.getByTestId('timeline-hover').locator('.pb-hover-label');
  let shown = '';
  /** The instant the label names once it has followed the pointer (it differs from `before`). */
  const timeAt = async (px: number, before: string) => {
    await until(async () => {
      // Moved on every try: a move the page missed (busy, or mid re-render) is made again.
      await page.mouse.move(px, y - 1);
      await page.mouse.move(px, y);
      shown = (await label.count()) ? await label.innerText() : '';
      return /\d{2}:\d{2}:\d{2}/.test(shown) && shown !== before;
    }, () => `the timeline's hover label to name the time under the pointer; it says "${shown}"`, UI_TIMEOUT_MS);
    const m = /(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})/.exec(shown)!;
    return { text: shown, ms: await page.evaluate((s) => new Date(s).getTime(), `${m[1]}T${m[2]}`) };
  };
  const x1 = x + width * 0.15;
  const x2 = x + width * 0.85;
  const first = await timeAt(x1, '');
  const t1 = first.ms;
  const t2 = (await timeAt(x2, first.text)).ms;
  await page.mouse.move(x + width / 2, box!.y - 40);
  const msPerPx = (t2 - t1) / (x2 - x1);
  return { xOf: (t) => x1 + (t - t1) / msPerPx, y };
}

/** Drags on the timeline canvas from one x to another in small steps, like a hand. */
export async function dragOnTimeline(page: Page, scale: TimelineScale, fromX: number, toX: number, o: { shift?: boolean } = {}): Promise<void> {
  if (o.shift) await page.keyboard.down('Shift');
  await page.mouse.move(fromX, scale.y);
  await page.mouse.down();
  await page.mouse.move(toX, scale.y, { steps: 12 });
  await page.mouse.up();
  if (o.shift) await page.keyboard.up('Shift');
}
