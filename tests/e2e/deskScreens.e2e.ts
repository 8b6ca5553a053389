// The desk's screens beyond the journey: no native date or time input and no browser validation
// anywhere (searched in the built pages and on every screen); a 40-room area on the 1366×768
// monitor with the rooms in use — an interrogation room last in the area's order included — above
// the fold, idle rooms as chips, long names wrapped, countdowns said as 剩余; the same area at
// 1920×1080 in the area's order; the printable 交接班 summary; a correction (更正) from the person
// page to the printed form.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ApiArg, ApiMethod, ApiResult } from '../../common/api.js';
import { T } from '../../common/deskText.js';
import { A4_VIEWPORT, DESK_VIEWPORT, deskPage, launchBrowser, shot } from './browser.js';
import { REPO, startStation, type RunningStation } from './station.js';
import { ADMIN } from './stationApi.js';

const LARGE = { width: 1920, height: 1080 } as const;
/** Two persons whose names differ only at the end: a cut name would make them one. */
const LONG_A = '阿卜杜热合曼·买买提依明·艾合买提江·吐尔逊';
const LONG_B = '阿卜杜热合曼·买买提依明·艾合买提江·吐尔洪';

/** 40 rooms: the interrogation rooms last, as areas often list them. */
function area(): Record<string, unknown> {
  const kinds = [...Array(8).fill('waiting'), ...Array(10).fill('medical'), ...Array(12).fill('corridor'), ...Array(6).fill('collection'), ...Array(4).fill('interrogation')] as string[];
  return {
    area: { id: 'BIG', name: '城西分局办案中心' },
    rooms: kinds.map((kind, i) => ({
      id: `R${String(i + 1).padStart(2, '0')}`, kind, capacity: kind === 'waiting' ? 3 : undefined,
      name: kind === 'waiting' ? `候问室${i + 1}` : kind === 'interrogation' ? `讯问室${i - 35}` : `房间${i + 1}`,
    })),
    officers: [
      { id: 'E001', name: '王建国', gender: 'male' }, { id: 'E002', name: '李秀英', gender: 'female' }, { id: 'E003', name: '赵志强', gender: 'male' },
    ],
  };
}

let station: RunningStation;
let browser: Browser;
let page: Page;

async function call<K extends ApiMethod>(method: K, arg: ApiArg<K>): Promise<ApiResult<K>> {
  const res = await page.request.post(`${station.url}/api/${method}`, { data: arg });
  if (!res.ok()) throw new Error(`${method}: HTTP ${res.status()} ${await res.text()}`);
  return (await res.json()) as ApiResult<K>;
}

async function submit(command: Record<string, unknown>): Promise<void> {
  const r = await call('submit', { command: command as ApiArg<'submit'>['command'] });
  if (!r.ok) throw new Error(`${String(command.type)} refused: ${r.rejection.message}`);
}

beforeAll(async () => {
  station = await startStation({ config: { area: area() } });
  browser = await launchBrowser();
  page = await deskPage(browser);
  await page.goto(station.url);
  const setup = await call('setup', ADMIN);
  if (!setup.ok) throw new Error(setup.message);
  const persons = [
    { id: 'P1', name: LONG_A, room: 'R01' }, { id: 'P2', name: LONG_B, room: 'R02' }, { id: 'P3', name: '张伟', room: 'R39' },
  ];
  for (const p of persons) {
    await submit({ type: 'person.enter', person: { id: p.id, name: p.name, gender: 'male', birthDate: '1990-01-01', role: 'suspect', basis: 'criminal_summons', officers: ['E001', 'E003'] } });
    await submit({ type: 'security.check', personId: p.id, checkers: ['E001'] });
    await submit({ type: 'belongings.store', personId: p.id, items: [{ name: '手机', quantity: 1, locker: p.id === 'P3' ? '3' : '1' }] });
    await submit({ type: 'person.move', who: p.id, room: p.room });
  }
  await submit({ type: 'session.start', sessionId: 'S1', room: 'R39', personId: 'P3', kind: 'interrogation', officers: ['E001', 'E003'] });
  await page.reload();
  await page.getByRole('heading', { name: T.overview.title }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await station?.stop();
});

describe('no native date input and no browser validation', () => {
  it('are found nowhere in the built pages', () => {
    const dir = join(REPO, 'dist', 'renderer', 'assets');
    const scripts = readdirSync(dir).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const file of scripts) {
      const text = readFileSync(join(dir, file), 'utf8');
      expect(text, file).not.toMatch(/type:\s*"(date|time|datetime-local|month|week)"/);
      expect(text, file).not.toMatch(/showPicker|valueAsDate|reportValidity/);
    }
  });

  it('nor on any screen (each screen also fits the 1366-pixel width)', async () => {
    const hashes = [
      '#/', '#/dashboard', '#/enter', '#/persons', '#/alarms', '#/handover', '#/stats', '#/exports', '#/ledger/2026-03-01/2026-03-02',
      '#/alarm-report/2026-03-01/2026-03-02', '#/audit', '#/accounts', '#/profile', '#/room/R39', '#/room/R01',
      '#/person/P1', '#/person/P1/check', '#/person/P1/belongings', '#/person/P1/collect', '#/person/P1/exit', '#/person/P1/form',
    ];
    for (const hash of hashes) {
      await page.goto(`${station.url}/${hash}`);
      // The screen of this route (main carries its route), with its heading: what it shows has loaded.
      const main = page.locator(`main[data-route="${hash}"]`);
      await main.locator('h1, h2').first().waitFor();
      const found: unknown = await page.evaluate(`[...document.querySelectorAll('input[type=date], input[type=time], input[type=datetime-local], input[type=month], input[type=week], [required], form:not([novalidate])')].map((e) => e.outerHTML.slice(0, 80))`);
      expect(found, hash).toEqual([]);
      // And nothing sticks out sideways on the desk monitor (shot() checks the page's width).
      await shot(page, `screen${hash.replace(/[#/]+/g, '-')}`);
    }
  });
});

describe('the header', () => {
  it('keeps an administrator\'s entries on one row at 1366×768, the own screens under 系统管理', async () => {
    await page.setViewportSize(DESK_VIEWPORT);
    await page.goto(`${station.url}/#/`);
    const nav = page.getByRole('navigation', { name: T.shell.navLabel });
    const menu = nav.getByRole('button', { name: T.shell.nav.admin });
    await menu.waitFor();
    const tops = await nav.locator(':scope > a, :scope > .nav-menu > button').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
    expect(tops).toHaveLength(11);
    expect(new Set(tops).size, `entries' tops ${tops.join(', ')}`).toBe(1);
    // Nor under the product's name or the search box.
    const brandRight = await page.locator('.app-header .app-name').evaluate((e) => e.getBoundingClientRect().right);
    expect(brandRight).toBeLessThanOrEqual(await nav.evaluate((e) => e.getBoundingClientRect().left));
    const navRight = await nav.evaluate((e) => Math.max(...[...e.children].map((c) => c.getBoundingClientRect().right)));
    const searchLeft = await page.getByRole('combobox', { name: T.search.label }).evaluate((e) => e.getBoundingClientRect().left);
    expect(navRight).toBeLessThanOrEqual(searchLeft);

    await menu.click();
    await page.screenshot({ path: join(REPO, 'test-output', 'screenshots', 'desk-07-admin-menu.png') });
    await nav.getByRole('link', { name: T.shell.nav.accounts }).click();
    await page.getByRole('heading', { name: T.accounts.title }).waitFor();
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await menu.getAttribute('aria-current')).toBe('page');
  });
});

describe('a 40-room area', () => {
  it('shows the rooms in use first on the 1366×768 monitor, idle rooms as chips, whole names and 剩余', async () => {
    await page.setViewportSize(DESK_VIEWPORT);
    await page.goto(`${station.url}/#/`);
    const tiles = page.locator('[data-testid=room-tile]');
    await expect.poll(() => tiles.count()).toBe(3);
    expect(await page.locator('[data-testid=room-chip]').count()).toBe(37);
    // The interrogation room in use, last in the area's order, is in sight; once its alarm is
    // raised (no camera records it), it comes first.
    await page.locator('.alarm-bar [data-rule=unrecorded_interrogation]').waitFor({ timeout: 30_000 });
    await expect.poll(() => tiles.evaluateAll((els) => els.map((e) => e.getAttribute('data-room')))).toEqual(['R39', 'R01', 'R02']);
    for (const room of ['R39', 'R01', 'R02']) {
      const box = await page.locator(`[data-testid=room-tile][data-room=${room}]`).boundingBox();
      expect(box && box.y + box.height <= DESK_VIEWPORT.height, room).toBe(true);
    }
    // Long names wrap: each is there in full, none cut.
    for (const name of [LONG_A, LONG_B]) {
      const link = page.locator('.room-tile .person-name', { hasText: name });
      expect(await link.textContent()).toBe(name);
      const cut: unknown = await link.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
      expect(cut, name).toBe(false);
    }
    expect(await tiles.first().locator('.countdown').textContent()).toMatch(/^剩余 \d+:\d{2}:\d{2}$/);
    await page.screenshot({ path: join(REPO, 'test-output', 'screenshots', 'desk-01-overview-40-rooms-1366.png') });
    await shot(page, 'desk-01-overview-40-rooms-1366-full');
  });

  it('keeps the area\'s order, every room a tile, at 1920×1080', async () => {
    await page.setViewportSize(LARGE);
    const tiles = page.locator('[data-testid=room-tile]');
    await expect.poll(() => tiles.count()).toBe(40);
    expect(await tiles.first().getAttribute('data-room')).toBe('R01');
    await shot(page, 'desk-02-overview-40-rooms-1920');
    await page.setViewportSize(DESK_VIEWPORT);
  });
});

describe('交接班', () => {
  it('lists who is in and where, time left, meals, items held, the session in progress and the open alarms, printable', async () => {
    await page.goto(`${station.url}/#/handover`);
    await page.getByRole('heading', { name: T.handover.title }).waitFor();
    const p3 = page.locator('.handover-persons tr[data-person=P3]');
    const text = await p3.textContent();
    for (const words of ['张伟', '讯问室3', '剩余', '未饮食', '手机×1（3 柜）', '王建国、赵志强']) expect(text).toContain(words);
    expect(await page.locator('tr[data-session=S1]').textContent()).toContain('讯问室3');
    // The unrecorded interrogation is the open alarm (no camera in the room).
    await expect.poll(() => page.locator('.handover-sheet').textContent(), { timeout: 30_000 }).toContain('讯（询）问未录音录像');
    await shot(page, 'desk-03-handover');
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: A4_VIEWPORT.height, height: A4_VIEWPORT.width });
    await shot(page, 'desk-04-handover-print');
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize(DESK_VIEWPORT);
  });
});

describe('更正', () => {
  it('puts a mistyped name right from the person page; the timeline says old → new and the printed form marks it 已更正', async () => {
    await page.goto(`${station.url}/#/person/P3`);
    await page.getByRole('button', { name: T.correct.open }).click();
    const form = page.locator('[data-correct]');
    // The birth date is asked in the app's own field, as at entry.
    await form.getByRole('checkbox', { name: '出生日期' }).check();
    expect(await form.locator('input[type=date], [required]').count()).toBe(0);
    await form.getByRole('checkbox', { name: '出生日期' }).uncheck();
    await form.getByRole('checkbox', { name: '姓名' }).check();
    await form.getByLabel(T.correct.newValue('姓名'), { exact: true }).fill('张炜');
    await form.getByLabel(T.correct.reason, { exact: true }).fill('姓名录入错字');
    await form.getByLabel(T.correct.approver, { exact: true }).selectOption('E002');
    await shot(page, 'desk-05-correction');
    await form.getByRole('button', { name: T.correct.submit }).click();
    await expect.poll(() => page.locator('.timeline').textContent(), { timeout: 15_000 }).toContain('姓名：张伟 → 张炜；原因：姓名录入错字；批准人：李秀英');
    // The title comes from the person's own read, which may land after the timeline's.
    await expect.poll(() => page.locator('.person-title').textContent(), { timeout: 15_000 }).toContain(`张炜${T.correct.mark}`);

    await page.goto(`${station.url}/#/person/P3/form`);
    const name = page.locator('[data-form="name"]');
    await expect.poll(() => name.textContent(), { timeout: 15_000 }).toBe(`张炜${T.correct.mark}`);
    expect(await page.locator('[data-form="corrections"]').textContent()).toContain('姓名：张伟 → 张炜；原因：姓名录入错字；批准人：李秀英');
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize(A4_VIEWPORT);
    await shot(page, 'desk-06-form-corrected');
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize(DESK_VIEWPORT);
  });
});
