/**
 * The Management Client end to end (issue 5), as an administrator sets up a new site: on an
 * empty data folder the first-run wizard (password, storage, WS-Discovery of an ONVIF camera,
 * its name) ends in live video in the Smart Client; then hardware added by hand (RTSP, ONVIF
 * address), a camera switched to motion recording, a role with one camera and its user (who
 * sees only that camera in the Smart Client), a storage's retention, and all of it in the audit
 * log. Real site, real GStreamer cameras, ONVIF simulators; one Chromium window drives it all.
 * Steps build on each other (journeySteps): look at the first failure.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { CameraBody, CameraStatusBody, Static, apiSchemas } from '@nightjar/vms-core';
import { browserMissing, launchChromium, screenshotPath } from '../harness/browser';
import { ManagementClientSite, ONVIF_USER, until } from '../harness/managementClientSite';
import type { SiteUser } from '../harness/managementClientSite';
import {
  TIME_SCALE, UI_TIMEOUT_MS, dialog, docScreenshots, expectDiscovered, journeySteps, openPage, propertyTab, recordingLabel, tableRow, tableTexts,
  waitForNotice, watchLive,
} from '../harness/managementClientPage';
import { cameraTree, openClientContext, submitSignIn, treeCameraNames } from '../harness/smartClientPage';

const NEW_ADMIN_PASSWORD = 'e2e-admin-chosen-passphrase';
type StorageBody = Static<typeof apiSchemas.StorageSchema>;

const VIEWER: SiteUser = { username: 'lobby.guard', password: 'lobby-guard-e2e-pw' };
const ROLE = 'Lobby viewers';
/** The cameras as the administrator names them: one found by WS-Discovery, one RTSP, one ONVIF by address. */
const CAMERAS = { discovered: 'Entrance', rtsp: 'Loading dock', onvif: 'Lobby' } as const;

describe.skipIf(browserMissing)('Management Client against a real site', () => {
  let site: ManagementClientSite | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  const errors: string[] = [];
  const opened = () => {
    if (!site || !page) throw new Error('the site or the window did not open');
    return { site, p: page };
  };
  /** The storage the wizard created, and the cameras by the names given above. */
  let storage: StorageBody | undefined;
  const cameraIds: Partial<Record<keyof typeof CAMERAS, string>> = {};

  // Building the renderers (when stale), the site, the browser.
  beforeAll(async () => {
    site = await ManagementClientSite.open();
    browser = await launchChromium();
    context = await openClientContext(browser);
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
  }, 180_000 * TIME_SCALE);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await site?.close();
  }, 60_000);

  const step = journeySteps({ page: () => page, failedShot: screenshotPath('management-client-failed') });

  step('on an empty site the first-run wizard sets it up, and its camera plays live in the Smart Client', async () => {
    const { site, p } = opened();
    expect(await site.api<CameraBody[]>('GET', '/api/cameras'), 'the data folder starts empty').toEqual([]);
    const sim = await site.startOnvif({ camera: await site.startCamera(), manufacturer: 'Acme', model: 'Dome 2', discovery: true });

    await p.goto(`${site.origin}/admin/`);
    await expect.poll(() => p.getByLabel('Site address').inputValue(), { timeout: UI_TIMEOUT_MS }).toBe(site.origin);
    await submitSignIn(p, site.admin.username, site.admin.password);
    await p.getByTestId('first-run-offer').getByRole('button', { name: 'Set up this site' }).click();
    const wizard = p.getByTestId('first-run-wizard');

    await wizard.getByLabel('New password').fill(NEW_ADMIN_PASSWORD);
    await wizard.getByLabel('Repeat the password').fill(NEW_ADMIN_PASSWORD);
    await wizard.getByRole('button', { name: 'Change password and continue' }).click();
    const storageStep = wizard.getByRole('form', { name: 'Storage' });
    await storageStep.waitFor({ timeout: UI_TIMEOUT_MS });
    await site.setAdminPassword(NEW_ADMIN_PASSWORD);

    const folder = join(site.e2e.dataDir, 'recordings');
    await storageStep.getByRole('radio', { name: /Use another folder/ }).check();
    await storageStep.getByRole('textbox', { name: 'Folder', exact: true }).fill(folder);
    await storageStep.getByRole('textbox', { name: 'Retention', exact: true }).fill('14');
    await storageStep.getByRole('combobox', { name: 'Retention unit' }).selectOption('days');
    await storageStep.getByRole('button', { name: 'Save and continue' }).click();

    // WS-Discovery from the loopback interface, where the simulator answers (README: "WS-Discovery stays on the loopback").
    const discover = wizard.getByRole('form', { name: 'Discover cameras' });
    await discover.getByRole('textbox', { name: 'Network interface' }).fill('127.0.0.1');
    await discover.getByRole('button', { name: 'Search for ONVIF cameras' }).click();
    await expectDiscovered(discover, sim);
    await discover.getByLabel('Camera user name').fill(ONVIF_USER.username);
    await discover.getByLabel('Camera password').fill(ONVIF_USER.password);
    await docScreenshots(p, 'admin-wizard');
    await discover.getByRole('button', { name: 'Add 1 and continue' }).click();

    const enable = wizard.getByRole('form', { name: 'Enable cameras' });
    await enable.getByRole('textbox', { name: /^Name of / }).fill(CAMERAS.discovered);
    await enable.getByRole('button', { name: 'Save 1 and continue' }).click();
    await wizard.getByText('The site is set up').waitFor({ timeout: UI_TIMEOUT_MS });

    // The Done page's link opens the Smart Client in a new window of the same browser.
    const [smart] = await Promise.all([
      context!.waitForEvent('page'),
      wizard.getByRole('link', { name: 'Open live video in the Smart Client' }).click(),
    ]);
    await wizard.getByRole('button', { name: 'Finish' }).click();
    await wizard.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    try {
      await smart.waitForURL((u) => u.origin === site.origin && u.pathname === '/', { timeout: UI_TIMEOUT_MS });
      await expect.poll(() => smart.getByLabel('Site address').inputValue(), { timeout: UI_TIMEOUT_MS }).toBe(site.origin);
      await submitSignIn(smart, site.admin.username, NEW_ADMIN_PASSWORD);
      await cameraTree(smart).waitFor({ timeout: UI_TIMEOUT_MS });
      await expect.poll(() => treeCameraNames(smart), { timeout: UI_TIMEOUT_MS }).toEqual([CAMERAS.discovered]);
      await watchLive(smart, CAMERAS.discovered);
    } finally {
      await smart.close();
    }

    // The site agrees: the camera of the discovered device records to the new folder, kept 14 days.
    const cameras = await site.api<CameraBody[]>('GET', '/api/cameras');
    storage = (await site.api<StorageBody[]>('GET', '/api/storages')).find((s) => s.path === folder);
    expect(storage?.retentionHours).toBe(14 * 24);
    expect(cameras.map((c) => [c.name, c.storageId])).toEqual([[CAMERAS.discovered, storage!.id]]);
    cameraIds.discovered = cameras[0]!.id;
  }, 240_000);

  step('adds an RTSP camera by hand and an ONVIF camera by its address through Add hardware', async () => {
    const { site, p } = opened();
    const rtsp = await site.startCamera();
    const onvif = await site.startOnvif({ camera: await site.startCamera(), manufacturer: 'Bolt', model: 'Bullet 4' });

    const hardwarePage = await openPage(p, 'Hardware');
    await hardwarePage.getByRole('button', { name: 'Add hardware…' }).click();
    const wizard = dialog(p, 'Add hardware');
    await wizard.getByRole('radio', { name: /^Add manually/ }).check();
    await wizard.getByRole('button', { name: 'Next' }).click();
    const manual = wizard.getByRole('form', { name: 'Add hardware manually' });
    await manual.getByRole('combobox', { name: 'Driver' }).selectOption('rtsp');
    await manual.getByRole('textbox', { name: 'Address', exact: true }).fill(rtsp.url);
    await manual.getByRole('textbox', { name: 'Hardware name (optional)' }).fill('Dock encoder');
    await manual.getByRole('button', { name: 'Add hardware', exact: true }).click();
    await wizard.getByText('1 hardware added with 1 camera.').waitFor({ timeout: UI_TIMEOUT_MS });

    await manual.getByRole('combobox', { name: 'Driver' }).selectOption('onvif');
    await manual.getByRole('textbox', { name: 'Address', exact: true }).fill('127.0.0.1');
    await manual.getByRole('spinbutton', { name: 'Port' }).fill(String(onvif.port));
    await manual.getByRole('textbox', { name: 'User name' }).fill(ONVIF_USER.username);
    await manual.getByLabel('Password', { exact: true }).fill(ONVIF_USER.password);
    await manual.getByRole('textbox', { name: 'Hardware name (optional)' }).fill('Lobby dome');
    await manual.getByRole('button', { name: 'Add hardware', exact: true }).click();
    await wizard.getByText('2 hardware added with 2 cameras.').waitFor({ timeout: UI_TIMEOUT_MS });

    await wizard.getByRole('button', { name: 'Next' }).click();
    await wizard.getByRole('textbox', { name: /^Name of camera .* of Dock encoder$/ }).fill(CAMERAS.rtsp);
    await wizard.getByRole('textbox', { name: /^Name of camera .* of Lobby dome$/ }).fill(CAMERAS.onvif);
    await wizard.getByRole('button', { name: 'Finish' }).click();
    await wizard.getByText(/^Added 2 hardware with 2 cameras; 2 enabled\./).waitFor({ timeout: UI_TIMEOUT_MS });
    await wizard.getByRole('button', { name: 'Close' }).last().click();
    await wizard.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });

    // Both appear in Cameras beside the first one, and connect.
    const camerasPage = await openPage(p, 'Cameras');
    for (const name of Object.values(CAMERAS)) {
      await tableRow(camerasPage, 'Cameras', name).filter({ hasText: 'Connected' }).waitFor({ timeout: UI_TIMEOUT_MS });
    }
    const cameras = await site.api<CameraBody[]>('GET', '/api/cameras');
    expect(cameras.map((c) => c.name).sort()).toEqual(Object.values(CAMERAS).sort());
    cameraIds.rtsp = cameras.find((c) => c.name === CAMERAS.rtsp)!.id;
    cameraIds.onvif = cameras.find((c) => c.name === CAMERAS.onvif)!.id;
    expect(cameras.find((c) => c.id === cameraIds.rtsp)!.streams.map((s) => s.url)).toEqual([rtsp.url]);
    await tableRow(camerasPage, 'Cameras', CAMERAS.discovered).getByRole('cell', { name: CAMERAS.discovered, exact: true }).click();
    await propertyTab(p, 'Info').waitFor({ timeout: UI_TIMEOUT_MS });
    await docScreenshots(p, 'admin-tree');
  }, 180_000);

  step('switches a camera to motion recording on its Record tab, and its recording state changes', async () => {
    const { site, p } = opened();
    const id = cameraIds.onvif!;
    const camerasPage = await openPage(p, 'Cameras');
    await tableRow(camerasPage, 'Cameras', CAMERAS.onvif).getByRole('cell', { name: CAMERAS.onvif, exact: true }).click();
    await propertyTab(p, 'Record').click();
    const pills = p.getByRole('region', { name: 'Properties' }).locator('.properties-head .state-pill');
    // Recording "always" from the start: the pill says so before the change.
    await expect.poll(() => pills.allInnerTexts(), { timeout: UI_TIMEOUT_MS }).toEqual(['Connected', 'Recording']);

    const form = p.getByRole('form', { name: 'Recording settings' });
    await form.getByRole('radio', { name: /^On motion/ }).check();
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    await waitForNotice(p, `${CAMERAS.onvif}: recording settings saved.`);
    expect((await site.api<CameraBody>('GET', `/api/cameras/${id}`)).policy.mode).toBe('motion');
    await tableRow(camerasPage, 'Cameras', CAMERAS.onvif).getByRole('cell', { name: 'On motion', exact: true }).waitFor({ timeout: UI_TIMEOUT_MS });

    // The recorder now waits for motion: the pill leaves plain "Recording", and says what getCameraStatus says.
    let seen = '';
    await until(async () => {
      const shown = (await pills.allInnerTexts())[1];
      const status = await site.api<CameraStatusBody>('GET', `/api/cameras/${id}/status`);
      seen = `pill "${shown}", status recording=${status.recording} motion=${status.motion}`;
      return shown !== 'Recording' && shown === recordingLabel(status);
    }, () => `the recording pill to leave "Recording" and agree with getCameraStatus; last: ${seen}`, UI_TIMEOUT_MS);
    await docScreenshots(p, 'admin-camera-properties');

    // The system monitor lists all three cameras with live figures; a few readings draw its trends.
    const monitor = await openPage(p, 'System monitor');
    const readAt = monitor.getByText(/^Read \d/);
    for (let readings = 0, last = ''; readings < 8;) {
      await expect.poll(() => readAt.innerText(), { timeout: UI_TIMEOUT_MS }).not.toBe(last);
      last = await readAt.innerText();
      readings++;
    }
    for (const name of Object.values(CAMERAS)) await tableRow(monitor, 'Camera status', name).waitFor({ timeout: UI_TIMEOUT_MS });
    await docScreenshots(p, 'admin-system-monitor');
  }, 180_000);

  step('a role with live and playback on one camera, and a user in it who sees only that camera', async () => {
    const { site, p } = opened();
    const rolesPage = await openPage(p, 'Roles');
    await rolesPage.getByRole('button', { name: 'New role' }).click();
    const newRole = dialog(p, 'New role');
    await newRole.getByRole('textbox', { name: 'Name' }).fill(ROLE);
    await newRole.getByRole('button', { name: 'Create role' }).click();
    await newRole.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    // A new role opens on its Device rights tab.
    const rights = p.getByRole('table', { name: 'Device rights' });
    await rights.getByRole('checkbox', { name: `Live on ${CAMERAS.onvif}`, exact: true }).check();
    await rights.getByRole('checkbox', { name: `Playback on ${CAMERAS.onvif}`, exact: true }).check();
    await p.getByRole('button', { name: 'Save rights' }).click();
    await waitForNotice(p, `Device rights of ${ROLE} saved.`);
    await docScreenshots(p, 'admin-role-rights');

    const usersPage = await openPage(p, 'Basic users');
    await usersPage.getByRole('button', { name: 'New user' }).click();
    const newUser = dialog(p, 'New basic user');
    await newUser.getByRole('textbox', { name: 'User name' }).fill(VIEWER.username);
    await newUser.getByLabel('Password', { exact: true }).fill(VIEWER.password);
    await newUser.getByLabel('Confirm password').fill(VIEWER.password);
    await newUser.getByRole('checkbox', { name: new RegExp(`^${ROLE}`) }).check();
    await newUser.getByRole('button', { name: 'Create user' }).click();
    await newUser.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    await tableRow(usersPage, 'Users', VIEWER.username).waitFor({ timeout: UI_TIMEOUT_MS });

    const role = (await site.api<{ id: string; name: string; grants: unknown[] }[]>('GET', '/api/roles')).find((r) => r.name === ROLE);
    expect(role?.grants).toEqual([{ cameraId: cameraIds.onvif, rights: ['live', 'playback'] }]);
    const user = (await site.api<{ username: string; roleIds: string[] }[]>('GET', '/api/users')).find((u) => u.username === VIEWER.username);
    expect(user?.roleIds).toEqual([role!.id]);

    // The user signs in to the Smart Client in a browser of their own: one camera, and it plays.
    const theirs = await openClientContext(browser!);
    try {
      const smart = await theirs.newPage();
      await smart.goto(`${site.origin}/`);
      await expect.poll(() => smart.getByLabel('Site address').inputValue(), { timeout: UI_TIMEOUT_MS }).toBe(site.origin);
      await submitSignIn(smart, VIEWER.username, VIEWER.password);
      await cameraTree(smart).waitFor({ timeout: UI_TIMEOUT_MS });
      await expect.poll(() => treeCameraNames(smart), { timeout: UI_TIMEOUT_MS }).toEqual([CAMERAS.onvif]);
      await watchLive(smart, CAMERAS.onvif);
      const shown = await smart.locator('body').innerText();
      for (const other of [CAMERAS.discovered, CAMERAS.rtsp]) expect(shown, `the page names ${other}`).not.toContain(other);
    } finally {
      await theirs.close();
    }
  }, 180_000);

  step('changes the retention of a storage on its Settings tab', async () => {
    const { site, p } = opened();
    const storagesPage = await openPage(p, 'Storage and archives');
    await tableRow(storagesPage, 'Storages', storage!.name).getByRole('cell').first().click();
    const settings = p.getByRole('form', { name: `Settings of ${storage!.name}` });
    await settings.getByRole('textbox', { name: 'Retention', exact: true }).fill('30');
    await settings.getByRole('combobox', { name: 'Retention unit' }).selectOption('days');
    await settings.getByRole('button', { name: 'Save', exact: true }).click();
    await waitForNotice(p, `Storage ${storage!.name} saved.`);
    const saved = (await site.api<StorageBody[]>('GET', '/api/storages')).find((s) => s.id === storage!.id);
    expect(saved?.retentionHours).toBe(30 * 24);
    await tableRow(storagesPage, 'Storages', '30 days').waitFor({ timeout: UI_TIMEOUT_MS });
  }, 90_000);

  step('finds every change in the audit log', async () => {
    const { p } = opened();
    const auditPage = await openPage(p, 'Audit log');
    const table = auditPage.getByRole('table', { name: 'Audit log' });
    // [user, action, target, first change] of each entry; the page names targets.
    const expected: [string, string, RegExp][] = [
      ['Update user', 'admin', /^password \*\*\* → \*\*\*/],
      ['Create storage', storage!.name, /./],
      // Hardware is named as its model says unless the administrator names it.
      ['Add hardware', 'Dome 2', /./],
      ['Add hardware', 'Dock encoder', /./],
      ['Add hardware', 'Lobby dome', /./],
      ['Update camera', CAMERAS.discovered, /^name /],
      ['Update camera', CAMERAS.onvif, /^policy\.mode always → motion/],
      ['Create role', ROLE, /./],
      ['Update role', ROLE, /^grants /],
      ['Create user', VIEWER.username, /./],
      ['Update storage', storage!.name, /^retentionHours 336 → 720/],
    ];
    let rows: string[][] = [];
    const missing = () => expected.filter(([action, target, change]) => !rows.some((r) => r[1] === 'admin' && r[2] === action && r[3] === target && change.test(r[5] ?? '')));
    await until(async () => {
      rows = await tableTexts(table);
      return missing().length === 0;
    }, () => `audit entries ${missing().map(([action, target]) => `"${action} ${target}"`).join(', ')}; the page shows:\n${rows.map((r) => r.join(' | ')).join('\n')}`, UI_TIMEOUT_MS);
    expect(rows.every((r) => r[4] === 'ok' || r[2] === 'Login failed'), 'every change succeeded').toBe(true);
    await p.screenshot({ path: screenshotPath('management-client-audit') });
    expect(errors, 'uncaught errors in the page').toEqual([]);
  }, 90_000);
});

