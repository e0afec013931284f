/**
 * The Alarm Manager part of the Smart Client journey (smartClientJourney.ts), run by the guard
 * the journey signed in last: an administrator defines a user-defined event and an alarm on it
 * through the API (shown to the guard's role, the first camera related); the event is raised
 * through the API and the alarm arrives in the open Alarm Manager without a reload, with the
 * badge and its sound; the guard opens it, sees the front door played back from just before
 * it, sets it In progress, comments and closes it. Then the guard raises the event from the top
 * bar's "Trigger event" menu and closes that alarm from the list with the bulk bar. Each change
 * is checked in the window and through the API.
 */
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { AlarmDefinitionBody, AlarmDetailsBody, UserDefinedEventBody } from '@nightjar/vms-core';
import { UI_TIMEOUT_MS, pictureTimecode, waitForVideosAdvancing, workspaceTab } from '../harness/smartClientPage';
import type { SmartClientSite } from '../harness/smartClientSite';
import { until } from '../harness/smartClientSite';

export interface AlarmJourney {
  /** 'chromium' or 'electron'. */
  name: string;
  site: () => SmartClientSite;
  page: () => Page;
  step: (name: string, body: () => Promise<void>, timeoutMs: number) => void;
  shot: (name: string) => string;
  /** Uncaught errors the page reported during the journey. */
  errors: readonly string[];
}

/** The documentation's screenshot of the Alarm Manager, at the size the others are taken. */
const DOCS_SCREENSHOT = fileURLToPath(new URL('../../docs/screenshots/alarms-1920.png', import.meta.url));

export function alarmJourneySteps(j: AlarmJourney): void {
  let event: UserDefinedEventBody | undefined;
  let definition: AlarmDefinitionBody | undefined;
  let guardToken = '';
  const defined = () => {
    if (!event || !definition) throw new Error('the alarm step did not define its event');
    return { event, definition };
  };
  /** The alarm as the guard reads it through the API. */
  const alarmOfGuard = async (alarmId: number) => {
    const res = await j.site().e2e.fetchAs(guardToken, 'GET', `/api/alarms/${alarmId}`);
    if (!res.ok) throw new Error(`getAlarm ${alarmId} as the guard answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as AlarmDetailsBody;
  };
  const newAlarmsOfGuard = async () => {
    const res = await j.site().e2e.fetchAs(guardToken, 'GET', '/api/alarms?state=new&limit=0');
    return ((await res.json()) as { total: number }).total;
  };
  const badge = (p: Page) => p.getByTestId('alarm-badge');
  const badgeCount = async (p: Page) => ((await badge(p).count()) ? Number(await badge(p).getAttribute('data-count')) : 0);

  j.step('an operator sees a new alarm arrive in the Alarm Manager, watches its video, sets it In progress, comments and closes it', async () => {
    const site = j.site();
    const p = j.page();
    const suffix = `${j.name} ${Math.random().toString(36).slice(2, 7)}`;
    const roles = await site.e2e.request<{ id: string; name: string }[]>('GET', '/api/roles');
    const guards = roles.find((r) => r.name === 'Guards');
    if (!guards) throw new Error(`no Guards role among ${roles.map((r) => r.name).join(', ')}`);
    event = await site.e2e.request<UserDefinedEventBody>('POST', '/api/user-defined-events', { name: `Panic button ${suffix}`, description: 'The button under the front desk' });
    definition = await site.e2e.request<AlarmDefinitionBody>('POST', '/api/alarm-definitions', {
      name: `Panic at the front desk ${suffix}`, trigger: { type: 'userDefined', definitionId: event.id }, priority: 1, category: 'Intrusion',
      relatedCameraIds: [site.cameras[0]!.id], instructions: 'Look at the front door. Call the guard on duty, then write what you found.',
      roleIds: [guards.id], sound: 'alert',
    });
    guardToken = await site.login(site.guard);

    await workspaceTab(p, 'Alarms').click();
    await p.getByTestId('alarm-workspace').waitFor({ timeout: UI_TIMEOUT_MS });
    // The list has answered once, so what comes next is an arrival.
    await expect.poll(() => p.getByTestId('alarm-total').innerText(), { timeout: UI_TIMEOUT_MS }).toMatch(/\d+ alarms?/);
    const newBefore = await newAlarmsOfGuard();
    expect(await badgeCount(p)).toBe(newBefore);

    const triggered = await site.e2e.request<{ eventId: number; at: string }>('POST', `/api/user-defined-events/${event.id}/trigger`);
    const raisedAt = Date.parse(triggered.at);
    const row = p.getByTestId('alarm-row').filter({ hasText: definition.name });
    await row.waitFor({ timeout: UI_TIMEOUT_MS });
    expect([await row.getAttribute('data-state'), await row.getAttribute('data-arrived'), await row.getAttribute('data-priority')]).toEqual(['new', 'true', '1']);
    const alarmId = Number(await row.getAttribute('data-alarm-id'));
    expect(await newAlarmsOfGuard()).toBe(newBefore + 1);
    await expect.poll(() => badgeCount(p), { timeout: UI_TIMEOUT_MS }).toBe(newBefore + 1);
    // The definition's sound played (Chromium runs without an autoplay block; so does Electron).
    await expect.poll(() => p.getByTestId('alarm-sound').getAttribute('data-last-sound'), { timeout: UI_TIMEOUT_MS }).toBe('alert');

    await row.click();
    const details = p.getByTestId('alarm-details');
    await details.getByRole('heading', { name: definition.name }).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await details.getByTestId('alarm-instructions').innerText()).toBe(definition.instructions);
    expect(await row.getAttribute('data-arrived')).toBe('false');

    // The front door, played back from just before the alarm: frames advance, and the clock in
    // the picture is from before the alarm was raised.
    const tile = details.getByTestId('playback-tile');
    await expect.poll(() => tile.count(), { timeout: UI_TIMEOUT_MS }).toBe(1);
    expect(await tile.locator('.nj-name').innerText()).toBe(site.cameras[0]!.name);
    await tile.and(p.locator('[data-status="picture"]')).waitFor({ timeout: UI_TIMEOUT_MS });
    let shown: number | null = null;
    await until(async () => (shown = await pictureTimecode(tile.locator('video'))) !== null, () => 'a readable clock in the alarm\'s video', UI_TIMEOUT_MS);
    expect(shown! - raisedAt, `the alarm video showed ${new Date(shown!).toISOString()} for an alarm at ${triggered.at}`).toBeLessThan(1000);
    expect(shown! - raisedAt).toBeGreaterThan(-12_000);
    await waitForVideosAdvancing(tile.locator('video'), 1, 1);
    expect(await tile.locator('video').evaluate((v: HTMLVideoElement) => v.currentTime)).toBeGreaterThan(0);

    await details.getByRole('button', { name: 'In progress', exact: true }).click();
    await expect.poll(() => details.getByTestId('alarm-state').innerText(), { timeout: UI_TIMEOUT_MS }).toBe('In progress');
    expect((await alarmOfGuard(alarmId)).state).toBe('inProgress');
    await expect.poll(() => badgeCount(p), { timeout: UI_TIMEOUT_MS }).toBe(newBefore);

    const comment = `Checked the front door (${suffix}): nobody there, the button was pressed by mistake.`;
    await details.getByLabel('New comment').fill(comment);
    await details.getByRole('button', { name: 'Add comment', exact: true }).click();
    await details.getByTestId('alarm-comment').filter({ hasText: comment }).waitFor({ timeout: UI_TIMEOUT_MS });
    expect((await alarmOfGuard(alarmId)).comments.map((c) => [c.username, c.text])).toEqual([[site.guard.username, comment]]);
    await p.screenshot({ path: j.shot('alarms') });
    if (j.name === 'chromium') {
      const size = p.viewportSize();
      await p.setViewportSize({ width: 1920, height: 1080 });
      await waitForVideosAdvancing(tile.locator('video'), 1, 0.5);
      await p.screenshot({ path: DOCS_SCREENSHOT });
      if (size) await p.setViewportSize(size);
    }

    await details.getByRole('button', { name: 'Close', exact: true }).click();
    await expect.poll(() => details.getByTestId('alarm-state').innerText(), { timeout: UI_TIMEOUT_MS }).toBe('Closed');
    const closed = await alarmOfGuard(alarmId);
    expect(closed.state).toBe('closed');
    expect(closed.history.filter((h) => h.action !== 'raised').map((h) => [h.action, h.username, h.from ?? '', h.to ?? ''])).toEqual([
      ['state', site.guard.username, 'new', 'inProgress'],
      ['comment', site.guard.username, '', ''],
      ['state', site.guard.username, 'inProgress', 'closed'],
    ]);
    // The list shows open alarms: the closed one leaves it, its details stay open.
    await row.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
  }, 180_000);

  j.step('an operator raises the event from "Trigger event" and closes the alarm it raised from the list', async () => {
    const p = j.page();
    const { event: e, definition: d } = defined();
    await p.getByRole('button', { name: 'Trigger event' }).click();
    await p.getByRole('menuitem', { name: new RegExp(e.name) }).click();
    await p.getByText(`Event “${e.name}” triggered`).waitFor({ timeout: UI_TIMEOUT_MS });

    const row = p.getByTestId('alarm-row').filter({ hasText: d.name });
    await row.waitFor({ timeout: UI_TIMEOUT_MS });
    const alarmId = Number(await row.getAttribute('data-alarm-id'));
    const raised = await alarmOfGuard(alarmId);
    expect([raised.state, raised.event.type, raised.source.name]).toEqual(['new', 'userDefined', e.name]);

    await row.getByRole('checkbox').check();
    const bulk = p.getByTestId('alarm-bulk-bar');
    await bulk.getByText('1 selected').waitFor({ timeout: UI_TIMEOUT_MS });
    await bulk.getByRole('button', { name: 'Close (1)' }).click();
    await p.getByText('1 alarm closed').waitFor({ timeout: UI_TIMEOUT_MS });
    await row.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    expect((await alarmOfGuard(alarmId)).state).toBe('closed');
    await expect.poll(() => badgeCount(p), { timeout: UI_TIMEOUT_MS }).toBe(await newAlarmsOfGuard());
    expect(j.errors, 'uncaught errors in the page').toEqual([]);
  }, 120_000);
}
