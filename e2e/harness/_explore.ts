import { launchChromium } from './browser';
import { SmartClientSite } from './smartClientSite';
import { decodeTimecode, timecodeSampleXs, TIMECODE_SAMPLE_Y } from '@nightjar/vms-core/test-harness';
const t0 = Date.now();
const site = await SmartClientSite.open();
console.log('site open', Date.now() - t0, site.origin);
const browser = await launchChromium();
const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, timezoneId: 'UTC' });
const page = await ctx.newPage();
page.on('console', (m) => console.log('console', m.type(), m.text()));
page.on('websocket', (ws) => {
  if (!ws.url().includes('playback')) return;
  console.log('WS open', ws.url().slice(0, 80));
  ws.on('framesent', (f) => console.log('WS >', Date.now() % 100000, String(f.payload).slice(0, 300)));
  ws.on('framereceived', (f) => typeof f.payload === 'string' ? console.log('WS <', Date.now() % 100000, f.payload.slice(0, 300)) : undefined);
  ws.on('close', () => console.log('WS closed'));
});
page.on('pageerror', (e) => console.log('pageerror', e.message));
await page.goto(site.origin + '/');
await page.getByLabel('User name').fill('admin');
await page.getByLabel('Password').fill(site.admin.password);
await page.getByRole('button', { name: 'Sign in' }).click();
await page.getByRole('tree', { name: 'Cameras' }).waitFor();
await page.getByRole('button', { name: 'Layout 2×2' }).click();
for (let i = 0; i < 4; i++) {
  await page.getByRole('treeitem', { name: site.cameras[i]!.name }).dragTo(page.locator(`[data-testid="view-tile"][data-tile="${i}"]`));
}
console.log('view built', Date.now() - t0);
const sealed = await site.sealRecordings(30_000);
console.log('sealed', Date.now() - t0, Date.now() - sealed);
for (const c of site.cameras) console.log(JSON.stringify(await site.recordedRun(c.id)));
await page.getByRole('tab', { name: 'Playback' }).click();
await page.getByTestId('playback-workspace').waitFor();
const instant = Math.floor(Date.now() / 1000) * 1000 - 20_000; console.log('instant', instant, 'sealed-instant', sealed-instant);
const goto = page.getByLabel('Go to date and time');
await goto.fill(new Date(instant).toISOString().slice(0, 19));
await page.getByRole('button', { name: 'Go', exact: true }).click();
const read = async (i: number) => page.locator('[data-testid="playback-tile"] video').nth(i).evaluate((v: HTMLVideoElement, o) => {
  const c = document.createElement('canvas'); c.width = v.videoWidth; c.height = v.videoHeight;
  if (!c.width) return null;
  const g = c.getContext('2d')!; g.drawImage(v, 0, 0);
  const row = g.getImageData(0, o.y, c.width, 1).data;
  return { luma: o.xs(c.width) , t: v.currentTime, rs: v.readyState };
}, { y: TIMECODE_SAMPLE_Y, xs: null as never });
void read;
for (let k = 0; k < 10; k++) {
  await page.waitForTimeout(500);
  const r = await page.evaluate((o) => [...document.querySelectorAll('[data-testid="playback-tile"]')].map((tile) => {
    const v = tile.querySelector('video')!;
    const c = document.createElement('canvas'); c.width = v.videoWidth; c.height = v.videoHeight;
    let luma: number[] | null = null;
    if (c.width) {
      const g = c.getContext('2d')!; g.drawImage(v, 0, 0);
      const row = g.getImageData(0, o.y, c.width, 1).data;
      const cell = c.width / 40;
      luma = Array.from({ length: 40 }, (_, b) => { const x = Math.floor((b + 0.5) * cell); return Math.round(0.299 * row[4 * x]! + 0.587 * row[4 * x + 1]! + 0.114 * row[4 * x + 2]!); });
    }
    return { status: tile.getAttribute('data-status'), t: v.currentTime, rs: v.readyState, paused: v.paused, luma };
  }), { y: TIMECODE_SAMPLE_Y });
  console.log(Date.now() - t0, await page.getByTestId('playback-time').innerText(), JSON.stringify(r.map((x) => [x.status, x.t.toFixed(2), x.rs, x.paused, x.luma ? (decodeTimecode(x.luma) ?? NaN) - instant : 'none'])));
}
console.log(timecodeSampleXs(320).length);
await page.screenshot({ path: '/tmp/explore/4-playback.png' });
await browser.close();
await site.close();
