/**
 * One operator's shift in the Smart Client, as test steps in order: sign in, build a 2×2 view
 * by dragging cameras, watch it live, scrub playback and read the burned-in clock, bookmark and
 * find the bookmark, export 30 s to MP4, lock evidence, then sign in as a guard who may not see
 * one camera, who then handles alarms in the Alarm Manager (alarmJourneySteps.ts). The same steps run in Chromium and in Electron (smartClient.test.ts); each step
 * continues from the window the previous one left, as an operator would, so a failed step
 * makes the later ones fail too (look at the first failure).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import type { BookmarkBody, CameraBody, EvidenceLockBody, ExportJobBody, ViewBody } from '@nightjar/vms-core';
import { screenshotPath } from '../harness/browser';
import {
  TIME_SCALE, UI_TIMEOUT_MS, cameraTree, dateTimeLocal, dragAndDrop, dragOnTimeline, expectPicturesAt, playbackReadout, playbackTiles, submitSignIn,
  timelineScale, treeCamera, treeCameraNames, viewRow, viewTile, waitForVideosAdvancing, workspaceTab,
} from '../harness/smartClientPage';
import type { SmartClientSite } from '../harness/smartClientSite';
import { alarmJourneySteps } from './alarmJourneySteps';

const run = promisify(execFile);

export interface ClientRunner {
  /** 'chromium' or 'electron': names screenshots and the texts each run types. */
  name: string;
  site: () => SmartClientSite;
  /** The client's window showing the sign-in form. */
  open: () => Promise<Page>;
  /**
   * With the Export dialog open, before Export is pressed: arranges where the finished file
   * goes (a browser download, or a folder chosen in Electron's native dialog) and returns a
   * function that resolves with the saved file's path.
   */
  prepareExportSave: (page: Page, folder: string) => Promise<() => Promise<string>>;
}

/**
 * How long every camera must have recorded before playback and export: they use the last half
 * minute, most of it in the recording still being written (read through its writer's index).
 */
const RECORDED_MS = 36_000;

export function smartClientJourney(runner: ClientRunner): void {
  const shot = (name: string) => screenshotPath(runner.name === 'chromium' ? `smart-client-${name}` : `smart-client-${runner.name}-${name}`);
  const downloads = mkdtempSync(join(tmpdir(), `nightjar-e2e-${runner.name}-`));
  const errors: string[] = [];
  let page: Page | undefined;
  /** When every camera had recorded RECORDED_MS without a gap (playback and export aim before it). */
  let recordedAt = 0;
  /** The instant playback shows: where the scrub ended, then the typed one. */
  let shownAt = 0;
  /** The view built from the tree, saved and shared. */
  let viewName = '';
  const active = () => {
    if (!page) throw new Error('no client window: the sign-in step failed');
    return page;
  };
  afterAll(() => rmSync(downloads, { recursive: true, force: true }));
  /** The first step that failed: the later ones build on it and stop at once instead of timing out. */
  let failed: string | undefined;
  const step = (name: string, body: () => Promise<void>, timeoutMs: number) => {
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
        // What the window showed when the step failed, for the report.
        await page?.screenshot({ path: shot('failed'), timeout: 5000 }).catch(() => undefined);
        throw e;
      } finally {
        clearTimeout(timer);
      }
    }, limit + 8000);
  };

  step('signs in through the sign-in form', async () => {
    const site = runner.site();
    page = await runner.open();
    page.on('pageerror', (e) => errors.push(e.message));
    await expect.poll(() => page!.getByLabel('Site address').inputValue(), { timeout: UI_TIMEOUT_MS }).toBe(site.origin);

    await submitSignIn(page, site.admin.username, `${site.admin.password}-wrong`);
    await page.getByRole('alert').filter({ hasText: /password/i }).waitFor({ timeout: UI_TIMEOUT_MS });
    await submitSignIn(page, site.admin.username, site.admin.password);
    await cameraTree(page).waitFor({ timeout: UI_TIMEOUT_MS });
    await expect.poll(() => treeCameraNames(page!), { timeout: UI_TIMEOUT_MS }).toEqual(site.cameras.map((c) => c.name));
    expect(await page.getByRole('button', { name: site.admin.username, exact: true }).count()).toBe(1);
  }, 120_000);

  step('builds a 2×2 view by dragging cameras from the tree, and all four play live', async () => {
    const site = runner.site();
    const p = active();
    await p.getByRole('button', { name: 'Layout 2×2' }).click();
    await expect.poll(() => p.getByTestId('view-grid').getAttribute('data-layout')).toBe('2x2');
    for (const [tile, camera] of site.cameras.entries()) {
      await dragAndDrop(treeCamera(p, camera.name), viewTile(p, tile));
      await viewTile(p, tile).locator(`[data-testid="video-tile"]:has(.nj-name[title="${camera.name}"])`).waitFor({ timeout: UI_TIMEOUT_MS });
    }
    const tiles = p.locator('[data-testid="view-tile"] [data-testid="video-tile"]');
    // Each tile reaches "playing" (on two busy cores one may flicker to "waiting" meanwhile: time tells below).
    for (const tile of await tiles.all()) await tile.and(p.locator('[data-state="playing"]')).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await tiles.evaluateAll((ts) => ts.map((t) => t.getAttribute('data-player')))).toEqual(['mse', 'mse', 'mse', 'mse']);
    // Twice: a picture that froze after the first second fails the second look.
    await waitForVideosAdvancing(tiles.locator('video'), 4, 1);
    await waitForVideosAdvancing(tiles.locator('video'), 4, 1);
    expect(await tiles.locator('video').evaluateAll((vs) => (vs as HTMLVideoElement[]).map((v) => `${v.videoWidth}x${v.videoHeight}`)))
      .toEqual(['320x240', '320x240', '320x240', '320x240']);
    await p.screenshot({ path: shot('live') });

    // Saved as a view and shared: the guard opens it at the end.
    await p.getByRole('button', { name: 'Save as new' }).click();
    await expect.poll(() => p.getByTestId('view-name').innerText(), { timeout: UI_TIMEOUT_MS }).not.toBe('Unsaved view');
    viewName = (await p.getByTestId('view-name').innerText()).trim();
    // A row's actions show while the pointer is on it.
    await viewRow(p, viewName).hover();
    await viewRow(p, viewName).getByRole('button', { name: `Share ${viewName}`, exact: true }).click();
    await expect.poll(async () => {
      const views = await site.e2e.request<ViewBody[]>('GET', '/api/views');
      return views.find((v) => v.name === viewName)?.shared;
    }, { timeout: UI_TIMEOUT_MS }).toBe(true);
    const saved = (await site.e2e.request<ViewBody[]>('GET', '/api/views')).find((v) => v.name === viewName)!;
    expect(saved.cameraIds).toEqual(site.cameras.map((c) => c.id));
  }, 180_000);

  step('scrubs playback to 20 s ago and every tile shows the picture recorded then (±1 s)', async () => {
    const site = runner.site();
    const p = active();
    await site.waitForRecorded(RECORDED_MS);
    recordedAt = Date.now();
    await workspaceTab(p, 'Playback').click();
    await playbackTiles(p).nth(3).waitFor({ timeout: UI_TIMEOUT_MS });
    await p.getByRole('group', { name: 'Timeline zoom' }).getByRole('button', { name: '10 min' }).click();

    // Drag the playhead (the app entered playback paused, a little in the past) to 20 s ago.
    const scale = await timelineScale(p);
    const target = recordedAt - 20_000;
    await dragOnTimeline(p, scale, scale.xOf(await playbackReadout(p)), scale.xOf(target));
    shownAt = await playbackReadout(p);
    // A pixel of the timeline is about 0.6 s at this zoom.
    expect(Math.abs(shownAt - target), `scrubbed to ${new Date(shownAt).toISOString()}, aimed at ${new Date(target).toISOString()}`).toBeLessThan(3000);
    await expect.poll(() => p.getByTestId('playback-time').locator('[data-state]').innerText()).toBe('Paused');
    const videos = playbackTiles(p).locator('video');
    await expectPicturesAt(site, videos, site.cameras, shownAt);
    await p.screenshot({ path: shot('playback') });

    // Go to a typed instant (whole seconds) six seconds earlier.
    const typed = Math.floor(shownAt / 1000) * 1000 - 6000;
    await p.getByLabel('Go to date and time').fill(await dateTimeLocal(p, typed));
    await p.getByRole('button', { name: 'Go', exact: true }).click();
    await expect.poll(() => playbackReadout(p), { timeout: UI_TIMEOUT_MS }).toBe(typed);
    await expectPicturesAt(site, videos, site.cameras, typed);
    shownAt = typed;
  }, 180_000);

  step('bookmarks the shown instant and finds the bookmark in Search', async () => {
    const site = runner.site();
    const p = active();
    const header = `${runner.name}: person at the door ${Math.random().toString(36).slice(2, 8)}`;
    // The bookmark is for the selected tile's camera: pick the first tile.
    await playbackTiles(p).first().click();
    await expect.poll(() => playbackTiles(p).first().getAttribute('data-selected')).toBe('true');
    await p.getByRole('button', { name: 'Bookmark here' }).click();
    const dialog = p.getByRole('dialog', { name: 'Add bookmark' });
    await dialog.getByLabel('Header').fill(header);
    await dialog.getByLabel('Description').fill('Rang twice, left a parcel.');
    await dialog.getByRole('button', { name: 'Add bookmark' }).click();
    await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    await p.getByText(`Bookmark “${header}” added`).waitFor({ timeout: UI_TIMEOUT_MS });
    const stored = (await site.e2e.request<BookmarkBody[]>('GET', `/api/bookmarks?${new URLSearchParams({ text: header })}`));
    expect(stored.map((b) => [b.header, Date.parse(b.time), b.cameraIds])).toEqual([[header, shownAt, [site.cameras[0]!.id]]]);

    await workspaceTab(p, 'Search').click();
    const criteria = p.getByTestId('search-criteria');
    await criteria.getByLabel('Bookmark words').fill(header);
    await criteria.getByRole('button', { name: 'Search' }).click();
    const found = p.getByTestId('search-result').filter({ hasText: header });
    await found.waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await found.getAttribute('data-kind')).toBe('bookmark');
    await p.screenshot({ path: shot('search') });
    // Opening it goes back to playback at the bookmarked instant.
    await found.click();
    await expect.poll(() => p.getByTestId('playback-workspace').count(), { timeout: UI_TIMEOUT_MS }).toBe(1);
    await expect.poll(() => playbackReadout(p), { timeout: UI_TIMEOUT_MS }).toBe(shownAt);
  }, 120_000);

  step('exports 30 s of one camera to MP4 through the Export dialog; ffprobe reads 30 s of H.264', async () => {
    const site = runner.site();
    const p = active();
    const camera = site.cameras[0]!;
    const from = Math.ceil((recordedAt - 34_000) / 1000) * 1000;
    await p.getByRole('button', { name: 'Export', exact: true }).click();
    const dialog = p.getByRole('dialog', { name: 'Export video' });
    await dialog.getByLabel('From', { exact: true }).fill(await dateTimeLocal(p, from));
    await dialog.getByLabel('To', { exact: true }).fill(await dateTimeLocal(p, from + 30_000));
    await expect.poll(() => dialog.locator('.inv-range-length').innerText()).toBe('30 s');
    await dialog.getByRole('button', { name: 'None', exact: true }).click();
    await dialog.getByRole('checkbox', { name: camera.name, exact: true }).check();
    await dialog.getByRole('radio', { name: /^MP4/ }).check();
    const saved = await runner.prepareExportSave(p, downloads);
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();

    const job = dialog.locator('[data-testid="export-job"][data-highlight="true"]');
    await job.waitFor({ timeout: UI_TIMEOUT_MS });
    await expect.poll(() => job.getAttribute('data-state'), { timeout: 90_000 * TIME_SCALE }).toBe('done');
    const jobs = await site.e2e.request<ExportJobBody[]>('GET', '/api/exports');
    const done = jobs.find((j) => j.state === 'done' && Date.parse(j.from) === from && j.cameraIds.join() === camera.id);
    expect(done?.files.map((f) => f.name.endsWith('.mp4'))).toEqual([true]);
    await p.screenshot({ path: shot('export') });

    const file = await saved();
    const { stdout } = await run('ffprobe', ['-v', 'error', '-show_entries', 'format=duration:stream=codec_type,codec_name,width,height', '-of', 'json', file]);
    const probe = JSON.parse(stdout) as { format: { duration: string }; streams: { codec_type: string; codec_name: string; width?: number; height?: number }[] };
    expect(probe.streams.filter((s) => s.codec_type === 'video').map((s) => [s.codec_name, s.width, s.height])).toEqual([['h264', 320, 240]]);
    const seconds = Number(probe.format.duration);
    expect(seconds, `duration ${seconds} s`).toBeGreaterThanOrEqual(29);
    expect(seconds, `duration ${seconds} s`).toBeLessThanOrEqual(31);
    await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
    await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
  }, 240_000);

  step('locks a range chosen on the timeline as evidence and lists the lock', async () => {
    const site = runner.site();
    const p = active();
    const reason = `${runner.name}: case ${Math.random().toString(36).slice(2, 8)}`;
    await workspaceTab(p, 'Playback').click();
    await playbackTiles(p).nth(3).waitFor({ timeout: UI_TIMEOUT_MS });
    const scale = await timelineScale(p);
    await dragOnTimeline(p, scale, scale.xOf(shownAt - 8000), scale.xOf(shownAt + 8000), { shift: true });
    await p.getByTestId('selection-lock').click();
    const dialog = p.getByRole('dialog', { name: 'Evidence lock' });
    await dialog.getByLabel('Reason').fill(reason);
    await dialog.getByRole('button', { name: 'Lock video' }).click();
    await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    await p.getByText('Evidence lock created').waitFor({ timeout: UI_TIMEOUT_MS });

    const lock = (await site.e2e.request<EvidenceLockBody[]>('GET', '/api/evidence-locks')).find((l) => l.reason === reason);
    expect(lock?.cameraIds).toEqual(site.cameras.map((c) => c.id));
    // The dialog holds whole seconds; the drag is as exact as a pixel (about 0.6 s here).
    expect(Math.abs(Date.parse(lock!.from) - (shownAt - 8000))).toBeLessThan(3000);
    expect(Math.abs(Date.parse(lock!.to) - (shownAt + 8000))).toBeLessThan(3000);

    await workspaceTab(p, 'Search').click();
    await p.getByRole('tab', { name: 'Evidence locks' }).click();
    await p.getByTestId('lock-row').filter({ hasText: reason }).waitFor({ timeout: UI_TIMEOUT_MS });
    await p.screenshot({ path: shot('locks') });
  }, 120_000);

  step('a guard without rights on one camera neither sees it in the tree nor can play it', async () => {
    const site = runner.site();
    const p = active();
    const hidden = site.hiddenCamera;
    await workspaceTab(p, 'Live').click();
    await p.getByRole('button', { name: site.admin.username, exact: true }).click();
    await p.getByRole('menuitem', { name: 'Sign out' }).click();
    await submitSignIn(p, site.guard.username, site.guard.password);
    await cameraTree(p).waitFor({ timeout: UI_TIMEOUT_MS });
    const visible = site.cameras.filter((c) => c !== hidden).map((c) => c.name);
    await expect.poll(() => treeCameraNames(p), { timeout: UI_TIMEOUT_MS }).toEqual(visible);
    await p.getByLabel('Search cameras').fill(hidden.name);
    await p.getByText(`No camera matches “${hidden.name}”.`).waitFor({ timeout: UI_TIMEOUT_MS });
    await p.getByLabel('Search cameras').fill('');

    // The shared view holds the hidden camera: its tile says so, the other three play.
    await viewRow(p, viewName).click();
    await viewTile(p, 3).getByText('Camera not available').waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await viewTile(p, 3).locator('video').count()).toBe(0);
    const tiles = p.locator('[data-testid="view-tile"] [data-testid="video-tile"]');
    await expect.poll(() => tiles.count(), { timeout: UI_TIMEOUT_MS }).toBe(3);
    for (const tile of await tiles.all()) await tile.and(p.locator('[data-state="playing"]')).waitFor({ timeout: UI_TIMEOUT_MS });
    await waitForVideosAdvancing(tiles.locator('video'), 3, 1);
    await p.screenshot({ path: shot('restricted') });

    // In playback the same: three pictures of the instant, and the hidden camera refused.
    await workspaceTab(p, 'Playback').click();
    await p.getByLabel('Go to date and time').fill(await dateTimeLocal(p, shownAt));
    await p.getByRole('button', { name: 'Go', exact: true }).click();
    const hiddenTile = playbackTiles(p).nth(3);
    await hiddenTile.and(p.locator('[data-status="error"]')).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await hiddenTile.getByTestId('playback-tile-status').innerText()).toMatch(/Camera not found|No access/);
    expect(await hiddenTile.locator('video').evaluate((v: HTMLVideoElement) => v.readyState)).toBe(0);
    // Nothing in the workspace (tile label, timeline row) gives away the hidden camera's id.
    expect(await p.getByRole('main').innerText()).not.toContain(site.cameras[3]!.id);
    const shownVideos = [0, 1, 2].map((i) => playbackTiles(p).nth(i).locator('video'));
    await expectPicturesAt(site, shownVideos, site.cameras.slice(0, 3), shownAt);
    await p.screenshot({ path: shot('restricted-playback') });

    // The API agrees: the camera is not listed, and live and playback answer as if it did not exist.
    const token = await site.login(site.guard);
    const listed = await (await site.e2e.fetchAs(token, 'GET', '/api/cameras')).json() as CameraBody[];
    expect(listed.map((c) => c.name).sort()).toEqual([...visible].sort());
    const range = new URLSearchParams({ from: new Date(recordedAt - 30_000).toISOString(), to: new Date(recordedAt).toISOString() });
    for (const path of [`/api/cameras/${hidden.id}/live`, `/api/cameras/${hidden.id}/playback?${range}`]) {
      const res = await site.e2e.fetchAs(token, 'GET', path);
      expect([res.status, ((await res.json()) as { code: string }).code], path).toEqual([404, 'VMS_ERR_NOT_FOUND']);
    }
    expect((await site.e2e.fetchAs(token, 'GET', `/api/cameras/${site.cameras[0]!.id}/live`)).status).toBe(200);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  }, 180_000);

  alarmJourneySteps({ name: runner.name, site: runner.site, page: active, step, shot, errors });
}
