// A supervisor on the LAN, as issue 7 asks: the station serves HTTPS with the certificate whose
// fingerprint it printed; the administrator creates a supervisor account; the supervisor signs in
// from a second browser, watches the area, sees an alarm the desk causes appear live, exports the
// ledger, reads the statistics, the audit check and the server information — and can change nothing.
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ALARM_LABELS } from '../../common/alarms.js';
import type { ApiArg, ApiMethod, ApiResult } from '../../common/api.js';
import { T } from '../../common/deskText.js';
import { R } from '../../common/recordingText.js';
import { DESK_VIEWPORT, deskPage, launchBrowser, SCREENSHOTS, shot } from './browser.js';
import { startStation, type RunningStation } from './station.js';
import { ADMIN } from './stationApi.js';

const SUPERVISOR = { officerId: 'E200', name: '孙立平', password: 'Watch2026ok' } as const;
const SUSPECT = { id: 'P-LAN-001', name: '马国强' } as const;
/** A long name, so every new screen is seen not to break with one. */
const WITNESS = { id: 'P-LAN-002', name: '阿卜杜热合曼·买买提依明·艾合买提江·吐尔逊古丽' } as const;
/** A4 landscape at 96 dpi. */
const A4_LANDSCAPE = { width: 1123, height: 794 } as const;

let station: RunningStation;
let backups: string;
let browser: Browser;
/** The desk: the administrator's browser. */
let desk: Page;
/** The supervisor's browser (another context: its own sign-in). */
let watch: Page;

/** The station's API with a page's sign-in (its browser context's cookies), over the same HTTPS. */
async function call<K extends ApiMethod>(page: Page, method: K, arg: ApiArg<K>): Promise<ApiResult<K>> {
  const res = await page.request.post(`${station.url}/api/${method}`, { data: arg });
  if (!res.ok()) throw new Error(`${method}: HTTP ${res.status()} ${await res.text()}`);
  return (await res.json()) as ApiResult<K>;
}

async function signIn(page: Page, account: string, password: string): Promise<void> {
  await page.goto(station.url);
  await page.getByRole('heading', { name: T.auth.signInTitle }).waitFor();
  await page.getByLabel(T.auth.account, { exact: true }).fill(account);
  await page.getByLabel(T.auth.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: T.auth.signIn }).click();
}

/** What a supervisor must never be offered: buttons and forms that issue commands. */
async function commandControls(page: Page): Promise<number> {
  const names = [T.alarmBar.ack, T.actions.moveButton, T.actions.meal, T.actions.rest, T.actions.leave, T.actions.extendButton, T.room.officerInButton,
    T.room.start.button, T.room.session.end, T.entry.register, T.audit.backupNow];
  let n = await page.locator('[data-move-form]').count();
  for (const name of names) n += await page.getByRole('button', { name, exact: true }).count();
  return n + await page.getByRole('link', { name: T.actions.exit, exact: true }).count();
}

beforeAll(async () => {
  backups = mkdtempSync(join(tmpdir(), 'station-e2e-backups-'));
  station = await startStation({ args: ['--lan', '--bind', '127.0.0.1'], config: { backup: { dir: backups } } });
  browser = await launchBrowser();
  desk = await deskPage(browser, { ignoreHTTPSErrors: true });
  watch = await deskPage(browser, { ignoreHTTPSErrors: true });
});

afterAll(async () => {
  await browser?.close();
  await station?.stop();
  if (backups) rmSync(backups, { recursive: true, force: true });
});

describe('a supervisor on the LAN', () => {
  it('is served over HTTPS with the certificate whose fingerprint the station printed', async () => {
    expect(station.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const printed = station.fingerprint;
    expect(printed).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const onDisk = new X509Certificate(readFileSync(join(station.stationData, 'tls', 'lan-cert.pem'))).fingerprint256;
    expect(onDisk).toBe(printed);

    // The certificate the browser was actually given on this page's connection (Chromium keeps it
    // for the origin while the network domain is watched).
    const cdp = await desk.context().newCDPSession(desk);
    await cdp.send('Network.enable');
    await desk.goto(station.url);
    await desk.getByRole('heading', { name: T.auth.setupTitle }).waitFor();
    const { tableNames } = await cdp.send('Network.getCertificate', { origin: new URL(station.url).origin });
    const [leaf] = tableNames;
    if (!leaf) throw new Error('the browser holds no certificate for the station');
    expect(new X509Certificate(Buffer.from(leaf, 'base64')).fingerprint256).toBe(printed);
    await cdp.detach();
  });

  it('gets an account from the administrator, who registers the officer first', async () => {
    const setup = await call(desk, 'setup', ADMIN);
    expect(setup.ok).toBe(true);
    await desk.goto(station.url);
    await desk.getByRole('button', { name: T.shell.nav.admin }).click();
    await desk.getByRole('link', { name: T.shell.nav.accounts }).click();
    await desk.getByRole('heading', { name: T.accounts.title }).waitFor();

    await desk.getByLabel(T.accounts.officerId, { exact: true }).fill(SUPERVISOR.officerId);
    await desk.getByLabel(T.accounts.name, { exact: true }).fill(SUPERVISOR.name);
    await desk.getByRole('button', { name: T.accounts.registerButton }).click();
    await desk.getByText(T.accounts.registered(SUPERVISOR.name)).waitFor();

    const form = desk.locator('.account-form');
    await expect.poll(() => form.getByLabel(T.accounts.account, { exact: true }).inputValue()).toBe(SUPERVISOR.officerId);
    await expect.poll(() => form.getByLabel(T.accounts.officer, { exact: true }).inputValue()).toBe(SUPERVISOR.officerId);
    await form.getByRole('checkbox', { name: '督察/法制' }).check();
    await form.getByLabel(T.accounts.password, { exact: true }).fill(SUPERVISOR.password);
    await form.getByRole('button', { name: T.accounts.save }).click();
    const row = desk.locator(`tr[data-account=${SUPERVISOR.officerId}]`);
    await expect.poll(() => row.textContent()).toContain('督察/法制');
    await shot(desk, '20-accounts');
  });

  it('signs in from a second browser and sees the live area, with only the pages a supervisor may use', async () => {
    await signIn(watch, SUPERVISOR.officerId, SUPERVISOR.password);
    await watch.getByRole('heading', { name: T.dashboard.title }).waitFor();
    await expect.poll(() => watch.locator('[data-live]').getAttribute('data-live')).toBe('live');
    const nav = await watch.getByRole('navigation', { name: T.shell.navLabel }).getByRole('link').allTextContents();
    // Each entry shows the number key that opens it.
    expect(nav).toEqual([T.shell.nav.dashboard, T.shell.nav.persons, T.shell.nav.alarms, R.nav.wall, T.handover.nav, T.shell.nav.stats, T.shell.nav.exports, T.shell.nav.audit]
      .map((label, i) => `${i + 1}${label}`));
    // On the 1366×768 monitor idle rooms are chips under the tiles of the rooms in use.
    expect(await watch.locator('[data-testid=room-tile], [data-testid=room-chip]').count()).toBeGreaterThan(5);
    expect(await commandControls(watch)).toBe(0);
  });

  it('sees the alarm the desk causes appear live, without reloading', async () => {
    let loads = 0;
    watch.on('load', () => { loads += 1; });
    const origin = await watch.evaluate(() => performance.timeOrigin);
    await call(desk, 'submit', {
      command: { type: 'person.enter', person: { id: WITNESS.id, name: WITNESS.name, gender: 'female', birthDate: '1993-09-30', role: 'witness', officers: ['E003'] } },
    });
    await call(desk, 'submit', { command: { type: 'person.move', who: WITNESS.id, room: 'INQ1' } });
    await call(desk, 'submit', {
      command: { type: 'person.enter', person: { id: SUSPECT.id, name: SUSPECT.name, gender: 'male', birthDate: '1985-04-12', role: 'suspect', basis: 'criminal_summons', officers: ['E001', 'E002'] } },
    });
    await watch.locator(`[data-person="${SUSPECT.id}"]`).waitFor();

    // The desk moves the suspect, not yet searched, into a waiting room.
    await desk.goto(`${station.url}/#/person/${SUSPECT.id}`);
    await desk.locator('[data-move-form]').getByLabel(T.actions.moveTo).selectOption('W2');
    await desk.getByRole('button', { name: T.actions.moveButton }).click();

    const alarm = watch.locator('.dashboard-alarms [data-rule=missing_security_check]');
    await alarm.waitFor();
    expect(await alarm.textContent()).toContain(SUSPECT.name);
    await watch.locator('[data-room=W2].alarm-critical', { hasText: SUSPECT.name }).waitFor();
    await expect.poll(() => watch.locator('[data-figure=critical] dd').textContent()).toBe('1');
    expect(loads).toBe(0);
    expect(await watch.evaluate(() => performance.timeOrigin)).toBe(origin);
    // Nobody at the supervisor's screen could acknowledge it, so it does not sound there.
    expect(await watch.locator('.alarm-bar').getAttribute('data-sounding')).toBe('false');
    expect(await commandControls(watch)).toBe(0);
    await shot(watch, '21-dashboard-live-alarm');
  });

  it('can change nothing: no command controls on any page, and the station answers 403', async () => {
    await watch.locator('[data-room=W2]').getByRole('link', { name: SUSPECT.name }).click();
    await watch.getByText(T.common.readOnly).waitFor();
    await watch.locator('.timeline li[data-type="alarm.raised"]').waitFor();
    expect(await commandControls(watch)).toBe(0);
    await shot(watch, '22-person-read-only');

    await watch.goto(`${station.url}/#/room/W2`);
    await watch.getByRole('heading', { name: '候问室二' }).waitFor();
    expect(await commandControls(watch)).toBe(0);
    await watch.goto(`${station.url}/#/enter`);
    await watch.getByText(T.common.readOnly).waitFor();
    await watch.goto(`${station.url}/#/accounts`);
    await watch.getByText(T.common.forbiddenPage).waitFor();

    const refused = await watch.evaluate(async (who) => {
      const res = await fetch('/api/submit', {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ command: { type: 'person.move', who, room: 'W1' } }),
      });
      return { status: res.status, body: (await res.json()) as { code?: string } };
    }, SUSPECT.id);
    expect(refused).toEqual({ status: 403, body: expect.objectContaining({ code: 'FORBIDDEN' }) });
    const person = await call(watch, 'person', { id: SUSPECT.id });
    expect(person?.summary.whereabouts).toEqual({ kind: 'room', room: 'W2' });
  });

  it('exports the ledger: the CSV downloaded through the page, and the printable ledger', async () => {
    await watch.getByRole('link', { name: T.shell.nav.exports }).click();
    await watch.getByRole('heading', { name: T.exports.title }).waitFor();
    await shot(watch, '23-exports');

    const [download] = await Promise.all([watch.waitForEvent('download'), watch.locator('[data-export=ledger] [data-csv]').click()]);
    expect(download.suggestedFilename()).toMatch(/^ledger-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('序号,姓名,性别,出生日期,身份证号,人员类型,案件编号,到案方式,办案民警,入区时间,出区时间,在区时长,去向,告警次数,已更正');
    expect(lines).toHaveLength(3);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['1', '2']);
    const suspect = lines.find((l) => l.includes(SUSPECT.name)) ?? '';
    expect(suspect).toContain(`${SUSPECT.name},男,1985-04-12`);
    expect(suspect).toContain('传唤（刑事）');
    expect(suspect).toContain('王建国、李秀英');
    expect(lines.find((l) => l.includes(WITNESS.name))).toContain(`${WITNESS.name},女,1993-09-30,,证人`);

    await watch.getByRole('link', { name: T.exports.openLedger }).click();
    await watch.getByRole('heading', { name: T.ledger.title }).waitFor();
    const row = watch.locator(`.ledger-table tr[data-person="${SUSPECT.id}"]`);
    await expect.poll(() => row.textContent()).toContain(SUSPECT.name);
    const head = (await call(watch, 'overview', {})).record.headHash.slice(0, 16);
    await expect.poll(() => watch.locator('[data-report=hash]').textContent()).toContain(head);
    await shot(watch, '24-ledger');

    await watch.emulateMedia({ media: 'print' });
    await watch.setViewportSize(A4_LANDSCAPE);
    await shot(watch, '25-ledger-print-a4-landscape');
    await watch.pdf({ path: join(SCREENSHOTS, 'ledger.pdf'), preferCSSPageSize: true, printBackground: true });
    await watch.emulateMedia({ media: 'screen' });
    await watch.setViewportSize(DESK_VIEWPORT);

    await watch.getByRole('link', { name: T.ledger.back }).click();
    await watch.getByRole('link', { name: T.exports.openAlarms }).click();
    await watch.getByRole('heading', { name: T.alarmReport.title }).waitFor();
    await watch.locator('.report-table tr[data-rule=missing_security_check]', { hasText: SUSPECT.name }).waitFor();
    await shot(watch, '26-alarm-report');
  });

  it('reads the statistics and drills from a figure to the persons behind it', async () => {
    await watch.getByRole('link', { name: T.shell.nav.stats }).click();
    await watch.getByRole('heading', { name: T.stats.title }).waitFor();
    await expect.poll(() => watch.locator('.chart svg').count()).toBe(6);
    await shot(watch, '27-stats');

    const today = watch.locator('.stats-table tbody tr').last();
    await today.locator('td').first().getByRole('button').click();
    const dialog = watch.getByRole('dialog');
    await dialog.locator(`tr[data-person="${SUSPECT.id}"]`).waitFor();
    await shot(watch, '28-stats-drill-entries');
    await dialog.getByRole('button', { name: T.common.close }).click();

    await watch.locator('.stats-screen tr[data-rule=missing_security_check]').getByRole('button').click();
    await watch.getByRole('dialog').locator('tr[data-rule=missing_security_check]', { hasText: ALARM_LABELS.missing_security_check }).waitFor();
    await watch.keyboard.press('Escape');
    await expect.poll(() => watch.getByRole('dialog').count()).toBe(0);
  });

  it('checks the whole record on the audit page; only the administrator can back up', async () => {
    await watch.getByRole('link', { name: T.shell.nav.audit }).click();
    await watch.locator('[data-audit=ok]').waitFor();
    const events = (await call(watch, 'overview', {})).record;
    expect(await watch.locator('[data-audit-head]').textContent()).toBe(events.headHash);
    expect(await watch.getByRole('button', { name: T.audit.backupNow }).count()).toBe(0);
    await shot(watch, '29-audit');

    await desk.getByRole('link', { name: T.shell.nav.audit }).click();
    await desk.locator('[data-audit=ok]').waitFor();
    await desk.getByRole('button', { name: T.audit.backupNow }).click();
    await expect.poll(() => desk.locator('[data-backup-outcome]').textContent()).toContain(backups);
    await desk.locator('.backups-table tbody tr').first().waitFor();
    await shot(desk, '30-audit-backup');
  });

  it('shows the server information, with the fingerprint the station printed, under the account name', async () => {
    await watch.getByRole('link', { name: SUPERVISOR.name }).click();
    await watch.getByRole('heading', { name: T.profile.title }).waitFor();
    await expect.poll(() => watch.locator('[data-server=fingerprint]').textContent()).toBe(station.fingerprint);
    expect(await watch.locator('[data-server=lan]').textContent()).toBe(T.profile.lanOn);
    await shot(watch, '31-profile-server-info');
  });

  it('shows each camera of a room on the desk, and says plainly when a camera has no picture to show', async () => {
    await desk.goto(`${station.url}/#/room/INT1`);
    const camera = desk.locator('[data-camera=CAM-INT1]').last();
    await expect.poll(() => camera.getAttribute('data-camera-state')).toBe('unreported');
    await camera.getByRole('button', { name: T.camera.viewOf('CAM-INT1') }).click();
    const dialog = desk.getByRole('dialog', { name: T.camera.title('CAM-INT1') });
    await expect.poll(() => dialog.textContent()).toContain(T.camera.noStream('CAM-INT1'));
    await shot(desk, '32-room-camera-no-stream');
    await desk.keyboard.press('Escape');
    await desk.getByRole('link', { name: T.shell.nav.overview }).click();
    // On a large screen every room is a tile in the area's order, with its cameras.
    await desk.setViewportSize({ width: 1920, height: 1080 });
    await desk.locator('[data-room=INT1] [data-camera=CAM-INT1]').waitFor();
    await shot(desk, '33-overview-cameras-1920');
    await desk.setViewportSize(DESK_VIEWPORT);
  });
});
