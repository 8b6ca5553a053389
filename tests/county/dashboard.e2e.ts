// The county dashboard (the station's pages in their county mode) against a real PostgreSQL: a
// county supervisor signs in and sees both areas live — persons present, questioning under way,
// recording, critical alarms, each link 已同步 — follows a change at a station without reloading,
// and drills into one area: its 督察看板, its persons and a person's timeline, read-only.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALARM_LABELS } from '../../common/alarms.js';
import { COUNTY_TEXT } from '../../common/countyText.js';
import { T } from '../../common/deskText.js';
import type { BootedStation } from '../../main/host/boot.js';
import { deskPage, launchBrowser, shot } from '../e2e/browser.js';
import { areaConfig, bootWithCounty, countyCli, enrol, startCounty, synced, type RunningCounty } from './countyProcess.js';
import { startPgCluster, type PgCluster } from './pgCluster.js';

const SUPERVISOR = { account: 'dc001', name: '督察员郑', password: 'County2026ok' } as const;

let cluster: PgCluster;
let root: string;
let county: RunningCounty;
let a: BootedStation;
let b: BootedStation;
let browser: Browser;
let page: Page;

function submit(s: BootedStation, command: Record<string, unknown>): void {
  const r = s.host.station.submit(command, { actor: 'E101' });
  if (!r.ok) throw new Error(`${String(command.type)} refused: ${r.rejection.message}`);
}

const enter = (s: BootedStation, id: string, name: string, role: 'witness' | 'suspect'): void => submit(s, {
  type: 'person.enter',
  person: { id, name, gender: 'male', birthDate: '1988-06-01', role, ...(role === 'suspect' ? { caseNo: 'AJ2026-01', basis: 'criminal_summons' } : {}) },
});

beforeAll(async () => {
  cluster = await startPgCluster({ fast: true });
  root = mkdtempSync(join(tmpdir(), 'county-e2e-'));
  county = await startCounty(cluster.url, join(root, 'county'));
  const made = await countyCli(['account', '--pg', cluster.url, '--account', SUPERVISOR.account, '--name', SUPERVISOR.name, '--role', 'supervisor'], `${SUPERVISOR.password}\n`);
  expect(made.code).toBe(0);
  const link = { url: county.url, fingerprint: county.fingerprint };
  a = await bootWithCounty(join(root, 'a'), areaConfig('DQ-01', '东区派出所办案区'), { ...link, token: await enrol(cluster.url, 'east') });
  // Area B records nothing in its interrogation room: the unrecorded questioning is a critical alarm after a second.
  b = await bootWithCounty(join(root, 'b'), { ...areaConfig('XQ-01', '西区派出所办案区'), settings: { recordingGraceSeconds: 1 } }, { ...link, token: await enrol(cluster.url, 'west') });
  enter(a, 'A-1', '钱国华', 'witness');
  submit(a, { type: 'person.move', who: 'A-1', room: 'W1' });
  enter(b, 'B-1', '孙建军', 'suspect');
  submit(b, { type: 'security.check', personId: 'B-1', checkers: ['E101', 'E102'], findings: { injuries: '无' } });
  submit(b, { type: 'person.move', who: 'B-1', room: 'INT1' });
  submit(b, { type: 'session.start', sessionId: 'S-B1', room: 'INT1', personId: 'B-1', kind: 'interrogation', officers: ['E101', 'E102'], confirmedUnrecorded: true });
  await Promise.all([synced(a), synced(b)]);
  browser = await launchBrowser();
  page = await deskPage(browser, { ignoreHTTPSErrors: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await a?.stop();
  await b?.stop();
  await county?.stop();
  cluster?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
});

const row = (station: string) => page.locator(`tr[data-station="${station}"]`);

describe('the county dashboard', { timeout: 120_000 }, () => {
  it('shows both areas live after a county supervisor signs in', async () => {
    await page.goto(`${county.url}/county/`);
    await page.getByRole('heading', { name: T.auth.signInTitle }).waitFor();
    await page.getByLabel(T.auth.account, { exact: true }).fill(SUPERVISOR.account);
    await page.getByLabel(T.auth.password, { exact: true }).fill(SUPERVISOR.password);
    await page.getByRole('button', { name: T.auth.signIn }).click();
    await page.getByRole('heading', { name: COUNTY_TEXT.areas.title }).waitFor();

    await expect.poll(() => row('east').locator('[data-link]').getAttribute('data-link')).toBe('synced');
    await expect.poll(() => row('west').locator('[data-link]').getAttribute('data-link')).toBe('synced');
    expect(await row('east').textContent()).toContain('东区派出所办案区');
    expect(await row('west').textContent()).toContain('西区派出所办案区');
    expect(await row('east').locator('[data-figure="persons"]').textContent()).toBe('1');
    expect(await row('west').locator('[data-figure="sessions"]').textContent()).toBe('1');
    // The unrecorded interrogation at the west station reaches the county as a critical alarm.
    await row('west').getByText(ALARM_LABELS.unrecorded_interrogation).waitFor();
    await shot(page, 'county-areas');

    // A registration at the east station shows without reloading the page.
    enter(a, 'A-2', '李秀英', 'witness');
    await synced(a);
    await expect.poll(() => row('east').locator('[data-figure="persons"]').textContent()).toBe('2');
  });

  it('drills into one area: its dashboard, persons and a person\'s timeline, read-only', async () => {
    await row('west').getByRole('link', { name: '西区派出所办案区' }).click();
    await page.getByRole('heading', { name: T.dashboard.title }).waitFor();
    await page.getByText('孙建军').first().waitFor();
    await shot(page, 'county-area-dashboard');
    await page.getByRole('link', { name: T.shell.nav.persons, exact: true }).click();
    await page.getByRole('link', { name: /孙建军/ }).first().click();
    await page.getByText(T.common.readOnly).waitFor();
    await shot(page, 'county-area-person');

    const check = new pg.Client({ connectionString: cluster.url });
    await check.connect();
    const reads = await check.query<{ action: string; station: string }>(`SELECT action, station FROM access_log WHERE account = $1 AND action IN ('person', 'timeline')`, [SUPERVISOR.account]);
    await check.end();
    expect(reads.rows).toEqual(expect.arrayContaining([{ action: 'person', station: 'west' }, { action: 'timeline', station: 'west' }]));
  });
});
