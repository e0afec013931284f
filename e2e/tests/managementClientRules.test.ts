/**
 * The Management Client's rules end to end (issue 6): an administrator configures an analytics
 * source and sends it an event exactly as its "how to send" help says; opens the default rule
 * "Record on motion", sees its recording-mode condition, widens and restores it without losing
 * a field; then defines a user-defined event, builds "on Gate opened perform create bookmark,
 * write to the rule log and start recording on Gate, and 5 s later stop recording" by clicking
 * through the rule editor, triggers the event from its page and sees the rule fire in the rule
 * log, the bookmark and the recording in the API. Real site, a real GStreamer camera (in
 * recording mode manual, so only the rule records it), one Chromium window.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { BookmarkBody, CameraStatusBody, RuleBody, SequencesBody } from '@nightjar/vms-core';
import { browserMissing, launchChromium, screenshotPath } from '../harness/browser';
import { ManagementClientSite, until } from '../harness/managementClientSite';
import { TIME_SCALE, UI_TIMEOUT_MS, docScreenshot, journeySteps, openPage, tableTexts, waitForNotice } from '../harness/managementClientPage';
import { openClientContext, submitSignIn } from '../harness/smartClientPage';

const CAMERA = 'Gate';
const EVENT = 'Gate opened';
const RULE = 'Gate opened: bookmark and record';
const SOURCE = 'Gate VCA';

interface AnalyticsSourceBody { id: string; name: string; allowedAddresses: string[]; cameraId?: string; hasToken: boolean }

/** Picks an action type in an action list's "Add …" box and adds it. */
async function addAction(editor: Locator, list: 'Add action' | 'Add stop action', label: string): Promise<void> {
  await editor.getByRole('combobox', { name: list, exact: true }).selectOption({ label });
  // The inner locator of `has` is matched inside each candidate, so it starts from the page.
  const box = editor.page().getByRole('combobox', { name: list, exact: true });
  await editor.locator('.rule-inline', { has: box }).getByRole('button', { name: 'Add', exact: true }).click();
}

/** Ticks the camera in an action card's camera list. */
async function tickCamera(editor: Locator, card: string): Promise<void> {
  await editor.getByRole('group', { name: `Cameras of ${card.toLowerCase()}`, exact: true }).getByRole('checkbox', { name: CAMERA, exact: true }).check();
}

describe.skipIf(browserMissing)('Management Client rules against a real site', () => {
  let site: ManagementClientSite | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  const errors: string[] = [];
  let cameraId = '';
  const opened = () => {
    if (!site || !page) throw new Error('the site or the window did not open');
    return { site, p: page };
  };

  beforeAll(async () => {
    site = await ManagementClientSite.open();
    // Set up through the API: the camera is not what this test is about (managementClient.test.ts adds cameras through the UI).
    const camera = await site.startCamera();
    const added = await site.api<{ cameras: { id: string }[] }>('POST', '/api/hardware', { driver: 'rtsp', address: camera.url });
    cameraId = added.cameras[0]!.id;
    await site.api('PATCH', `/api/cameras/${cameraId}`, { name: CAMERA, policy: { mode: 'manual' } });
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

  const step = journeySteps({ page: () => page, failedShot: screenshotPath('management-client-rules-failed') });

  step('an analytics source takes an event sent exactly as its "how to send" help says', async () => {
    const { site, p } = opened();
    await p.goto(`${site.origin}/admin/`);
    await expect.poll(() => p.getByLabel('Site address').inputValue(), { timeout: UI_TIMEOUT_MS }).toBe(site.origin);
    await submitSignIn(p, site.admin.username, site.admin.password);
    await p.getByRole('navigation', { name: 'Site navigation' }).waitFor({ timeout: UI_TIMEOUT_MS });
    const sourcesPage = await openPage(p, 'Analytics events');
    await sourcesPage.getByRole('button', { name: 'New source' }).click();
    const form = p.getByRole('form', { name: 'New analytics source' });
    await form.getByRole('textbox', { name: 'Name', exact: true }).fill(SOURCE);
    await form.getByRole('combobox', { name: 'Camera it watches' }).selectOption({ label: CAMERA });
    // A wrong address is named beside its field before anything is sent.
    await form.getByRole('textbox', { name: 'Allowed addresses' }).fill('127.0.0.1\ngate-vca');
    await form.getByRole('button', { name: 'Create source' }).click();
    await form.getByText('"gate-vca" is not an IPv4 address or block (10.0.0.0/8).').waitFor({ timeout: UI_TIMEOUT_MS });
    await form.getByRole('textbox', { name: 'Allowed addresses' }).fill('127.0.0.1');
    await form.getByRole('button', { name: 'Create source' }).click();
    await waitForNotice(p, `Analytics source ${SOURCE} saved.`);

    // The token is shown this once; the help's request carries it.
    const token = await p.getByRole('status', { name: 'New token' }).locator('code').innerText();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const help = p.getByRole('region', { name: 'How to send events' });
    const request = await help.locator('dd code').first().innerText();
    const headers = await help.locator('dd').nth(1).locator('code').allInnerTexts();
    const body = await help.getByLabel('Example JSON body').innerText();
    expect(request).toBe(`POST ${site.origin}/api/analytics-events`);
    expect(headers).toEqual(['Content-Type: application/json', `X-Analytics-Token: ${token}`]);
    expect(JSON.parse(body)).toMatchObject({ source: SOURCE, locations: [{ name: CAMERA }] });
    await docScreenshot(p, 'admin-analytics-sources');

    const sent = await fetch(request.replace(/^POST /, ''), {
      method: 'POST', body, headers: Object.fromEntries(headers.map((h) => h.split(': ') as [string, string])),
    });
    expect(sent.status, await sent.clone().text()).toBe(202);
    const source = (await site.api<AnalyticsSourceBody[]>('GET', '/api/analytics-sources')).find((s) => s.name === SOURCE);
    expect(source).toMatchObject({ allowedAddresses: ['127.0.0.1'], cameraId, hasToken: true });
    // Without the token the site refuses, as the help says.
    const refused = await fetch(request.replace(/^POST /, ''), { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    expect(refused.status).toBe(403);
    await p.getByRole('status', { name: 'New token' }).getByRole('button', { name: 'Done' }).click();
  }, 120_000);

  step('the default rule "Record on motion" shows its recording modes and keeps every field when edited', async () => {
    const { site, p } = opened();
    const stored = async () => (await site.api<RuleBody[]>('GET', '/api/rules')).find((r) => r.builtIn === 'recordOnMotion')!;
    const original = await stored();
    const rulesPage = await openPage(p, 'Rules');
    await rulesPage.getByRole('table', { name: 'Rules' }).getByRole('row').filter({ hasText: 'Record on motion' }).click();
    const editor = p.getByRole('form', { name: 'Rule Record on motion' });
    expect(await editor.getByLabel('The rule reads').innerText()).toBe(
      "On Motion started from cameras in recording mode Motion perform start recording on the event's camera, from its pre-buffer, " +
      "and on Motion stopped perform stop recording on the event's camera, after its post-buffer",
    );
    const modes = editor.getByRole('group', { name: 'Recording modes of the cameras' });
    expect(await modes.getByRole('radio', { name: 'Only cameras in recording mode:' }).isChecked()).toBe(true);
    expect(await modes.getByRole('checkbox', { name: 'Motion', exact: true }).isChecked()).toBe(true);
    expect(await modes.getByRole('checkbox', { name: 'Event', exact: true }).isChecked()).toBe(false);
    // The cameras' own buffers: empty seconds, not zero.
    expect(await editor.getByRole('group', { name: 'Action 1' }).getByRole('spinbutton', { name: 'Seconds before (pre-buffer)' }).inputValue()).toBe('');
    await docScreenshot(p, 'admin-rule-recording-modes');

    await modes.getByRole('checkbox', { name: 'Event', exact: true }).check();
    await editor.getByRole('button', { name: 'Save', exact: true }).click();
    await waitForNotice(p, 'Rule Record on motion saved.');
    const { updatedAt: _u, ...rest } = original;
    const widened = await stored();
    expect({ ...widened, updatedAt: undefined }).toEqual({ ...rest, updatedAt: undefined, trigger: { type: 'motionStarted', recordingModes: ['motion', 'event'] } });

    // Back as it was: the rule equals the default again, field for field.
    await p.getByRole('form', { name: 'Rule Record on motion' }).getByRole('group', { name: 'Recording modes of the cameras' })
      .getByRole('checkbox', { name: 'Event', exact: true }).uncheck();
    await p.getByRole('form', { name: 'Rule Record on motion' }).getByRole('button', { name: 'Save', exact: true }).click();
    await until(async () => JSON.stringify((await stored()).trigger) === JSON.stringify(original.trigger), () => 'the rule saved back to mode Motion only', UI_TIMEOUT_MS);
    expect({ ...(await stored()), updatedAt: undefined }).toEqual({ ...rest, updatedAt: undefined });
  }, 90_000);

  step('an administrator builds a rule in the rule editor, triggers its event and sees the rule fire', async () => {
    const { site, p } = opened();
    const eventsPage = await openPage(p, 'User-defined events');
    await eventsPage.getByRole('button', { name: 'New event' }).click();
    const eventForm = p.getByRole('form', { name: 'New user-defined event' });
    await eventForm.getByRole('textbox', { name: 'Name' }).fill(EVENT);
    await eventForm.getByRole('button', { name: 'Create event' }).click();
    await waitForNotice(p, `User-defined event ${EVENT} saved.`);

    const rulesPage = await openPage(p, 'Rules');
    await rulesPage.getByRole('button', { name: 'New rule' }).click();
    const editor = p.getByRole('form', { name: 'New rule' });
    await editor.getByRole('textbox', { name: 'Name', exact: true }).fill(RULE);
    await editor.getByRole('combobox', { name: 'Event', exact: true }).selectOption({ label: 'User-defined event' });
    await editor.getByRole('combobox', { name: 'User-defined event' }).selectOption({ label: EVENT });

    await addAction(editor, 'Add action', 'Create bookmark');
    const bookmark = editor.getByRole('group', { name: 'Action 1' });
    await bookmark.getByRole('combobox', { name: 'Cameras' }).selectOption({ label: 'These cameras…' });
    await tickCamera(editor, 'Action 1');
    await bookmark.getByRole('textbox', { name: 'Bookmark header' }).fill(EVENT);
    await addAction(editor, 'Add action', 'Write to the rule log');
    await editor.getByRole('group', { name: 'Action 2' }).getByRole('textbox', { name: 'Message' }).fill('The gate was opened');
    // Starting recording brings its stop action and a stop "a number of seconds later" (a user-defined event has no end event).
    await addAction(editor, 'Add action', 'Start recording');
    await tickCamera(editor, 'Action 3');
    await tickCamera(editor, 'Stop action 1');
    expect(await editor.getByRole('combobox', { name: 'When the stop actions run' }).inputValue()).toBe('after');
    await editor.getByRole('spinbutton', { name: 'Seconds until the stop actions' }).fill('5');
    expect(await editor.getByLabel('The rule reads').innerText()).toBe(
      `On user-defined event ${EVENT} perform create bookmark “${EVENT}” on ${CAMERA}, write “The gate was opened” to the rule log and ` +
      `start recording on ${CAMERA}, 3 s before, and 5 s later perform stop recording on ${CAMERA}, 5 s after`,
    );
    await editor.getByRole('button', { name: 'Create rule' }).click();
    await waitForNotice(p, `Rule ${RULE} saved.`);
    const rule = (await site.api<RuleBody[]>('GET', '/api/rules')).find((r) => r.name === RULE);
    expect(rule).toMatchObject({ kind: 'event', enabled: true, trigger: { type: 'userDefined' }, stop: { kind: 'after', seconds: 5 } });
    expect(rule!.actions.map((a) => a.type)).toEqual(['createBookmark', 'writeRuleLog', 'startRecording']);

    // In mode manual the camera records only when asked.
    const status = () => site.api<CameraStatusBody>('GET', `/api/cameras/${cameraId}/status`);
    expect((await status()).recording).toBe(false);
    const triggeredAt = Date.now();
    await (await openPage(p, 'User-defined events')).getByRole('button', { name: `Trigger ${EVENT} now` }).click();
    await waitForNotice(p, `${EVENT} triggered.`);

    // The rule log page shows the rule starting, each action done, then its stop 5 s later.
    const logPage = await openPage(p, 'Rule log');
    const table = logPage.getByRole('table', { name: 'Rule log' });
    const wanted = ['start', 'createBookmark', 'writeRuleLog', 'startRecording', 'stop', 'stopRecording'];
    let rows: string[][] = [];
    const fired = () => wanted.filter((action) => !rows.some((r) => r[1] === RULE && r[2] === action && r[3] === 'ok'));
    await until(async () => {
      rows = await tableTexts(table);
      return fired().length === 0;
    }, () => `rule log entries ${fired().join(', ')}; the page shows:\n${rows.map((r) => r.join(' | ')).join('\n')}`, UI_TIMEOUT_MS);
    expect(rows.find((r) => r[2] === 'writeRuleLog')?.[5]).toBe('The gate was opened');

    // The site agrees: a bookmark on the camera from the trigger, and a recording the rule started.
    const bookmarks = await site.api<BookmarkBody[]>('GET', `/api/bookmarks?cameraId=${cameraId}`);
    expect(bookmarks.map((b) => [b.header, b.cameraIds])).toEqual([[EVENT, [cameraId]]]);
    let seq: SequencesBody | undefined;
    await until(async () => {
      seq = await site.api<SequencesBody>('GET', `/api/cameras/${cameraId}/sequences?from=${new Date(triggeredAt - 60_000).toISOString()}&to=${new Date().toISOString()}`);
      return seq.recordings.length > 0 && !(await status()).recording;
    }, () => `a sealed recording after the rule's stop; sequences ${JSON.stringify(seq)}`, UI_TIMEOUT_MS);
    const recorded = seq!.recordings.reduce((ms, r) => ms + Date.parse(r.end) - Date.parse(r.start), 0);
    // From the 3 s pre-buffer before the trigger to the 5 s stop plus the 5 s post-buffer.
    expect(recorded).toBeGreaterThan(8_000);
    expect(Date.parse(seq!.recordings[0]!.start)).toBeLessThan(triggeredAt);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  }, 150_000);
});
