// The desk at 3 a.m. from the keyboard alone (no pointer at all), in a browser whose own language
// is Chinese, on the 1366×768 desk monitor: the first administrator created on first run, entry, security check, three items (the
// empty row the table leaves is ignored), collection, placing the person, an interrogation in a
// room that is not recorded (confirmed, the case officers offered, the critical alarm staying in
// the bar as 已解除·待确认 after the session until it is acknowledged), clearing the room, a meal
// found through the header search, a rest and an extension, a temporary exit with its return and
// the prompt to place the person, exit with each item settled, and the printed form (A4, and PDF). Every step starts with the keyboard
// on its first field; the keys are counted.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ApiArg, ApiMethod, ApiResult } from '../../common/api.js';
import { T } from '../../common/deskText.js';
import { A4_VIEWPORT, deskPage, launchBrowser, SCREENSHOTS, shot } from './browser.js';
import { KeyboardOnly } from './input.js';
import { validIdNumber } from './ids.js';
import { startStation, type RunningStation } from './station.js';
import { ADMIN } from './stationApi.js';

const NAME = '欧阳建华';
const ID_NUMBER = validIdNumber('11010519900307001');

let station: RunningStation;
let browser: Browser;
let page: Page;
let kb: KeyboardOnly;

beforeAll(async () => {
  station = await startStation();
  browser = await launchBrowser();
  page = await deskPage(browser);
  // Keyboard only: any pointer event on the page fails the journey.
  await page.addInitScript(`for (const t of ['pointerdown', 'mousedown', 'click']) window.addEventListener(t, (e) => { if (e.isTrusted && e.detail > 0) window.__pointerUsed = (window.__pointerUsed || 0) + 1; }, true);`);
  kb = new KeyboardOnly(page);
});

afterAll(async () => {
  await browser?.close();
  await station?.stop();
});

const field = (label: string): ReturnType<Page['getByLabel']> => page.getByLabel(label, { exact: true });
const radio = (group: string, label: string) => page.getByRole('group', { name: group }).getByRole('radio', { name: label, exact: true });
const heading = (name: string) => page.getByRole('heading', { name, exact: true });

/** No native date/time input and no form left to browser validation on the screen shown now. */
async function noNativeDates(): Promise<void> {
  const found: unknown = await page.evaluate(`document.querySelectorAll('input[type=date], input[type=time], input[type=datetime-local], input[type=month], input[type=week], [required], form:not([novalidate])').length`);
  expect(found).toBe(0);
}

describe('the whole stay from the keyboard alone, in the Chinese browser at 1366×768', () => {
  it('creates the first administrator on first run with Enter: the alarm tone may sound from then on', async () => {
    await page.goto(station.url);
    await heading(T.auth.setupTitle).waitFor();
    await kb.expectFocus(field(T.auth.officerId));
    await kb.type(ADMIN.officerId);
    await kb.press('Tab');
    await kb.type(ADMIN.name);
    await kb.tabTo(field(T.auth.password));
    await kb.type(ADMIN.password);
    await kb.press('Tab');
    await kb.type(ADMIN.password);
    await shot(page, 'kb-00-first-run-setup');
    await kb.press('Enter');
    await heading(T.overview.title).waitFor();
    // The key that signed in was the gesture the browser needs before a page may sound.
    await expect.poll(() => page.locator('.alarm-bar').getAttribute('data-audio')).toBe('running');
    expect(await page.evaluate('navigator.language')).toBe('zh-CN');
  });

  it('registers the person: the number key opens the form, the keyboard starts in 姓名, derived facts are skipped', async () => {
    await kb.press('3');
    await heading(T.entry.title).waitFor();
    await kb.expectFocus(field(T.entry.name));
    await kb.type(NAME);
    await kb.tabTo(field(T.entry.idNumber));
    await kb.type(ID_NUMBER);
    await expect.poll(() => page.locator('[data-id-ok]').textContent()).toContain('1990-03-07');
    // Gender and birth date come from the number: the next Tab goes past them to 人员类别.
    await kb.press('Tab');
    await kb.expectFocus(radio(T.entry.role, '违法犯罪嫌疑人'));
    await kb.press('Space');
    await kb.press('Tab');
    await kb.expectFocus(radio(T.entry.basis, '传唤（刑事）'));
    await kb.press('Space');
    await expect.poll(() => page.locator('[data-legal-limit]').textContent()).toContain('12 小时');
    await kb.tabTo(field(T.entry.caseNo));
    await kb.type('A3201052026030001');
    await kb.tabTo(field(T.entry.caseCause));
    await kb.type('涉嫌盗窃');
    await kb.tabTo(field(T.entry.officer1));
    await kb.press('ArrowDown');
    await kb.tabTo(field(T.entry.officer2));
    await kb.press('ArrowDown', 2);
    expect([await field(T.entry.officer1).inputValue(), await field(T.entry.officer2).inputValue()]).toEqual(['E001', 'E003']);
    await kb.tabTo(field(T.entry.tag));
    await kb.type('T-1001');
    // No enrolment reader on this desk: said, instead of a button that could not work.
    expect(await page.locator('[data-no-desk-reader]').textContent()).toBe(T.entry.noDeskReader);
    await noNativeDates();
    await shot(page, 'kb-01-entry');
    await kb.press('Enter');
    await heading(T.check.title).waitFor();
  });

  it('records the security check, starting on the first checker (the case officers first)', async () => {
    const checker = (name: string) => page.getByRole('checkbox', { name: new RegExp(name) });
    await kb.expectFocus(checker('王建国'));
    await kb.press('Space');
    await kb.press('Tab');
    await kb.expectFocus(checker('赵志强'));
    await kb.press('Space');
    await kb.tabTo(field(T.check.illness));
    await kb.type('自述高血压');
    await kb.tabTo(field(T.check.alcohol));
    await kb.press('ArrowDown');
    await kb.tabTo(page.getByRole('button', { name: T.rows.add }).first());
    await kb.press('Enter');
    await kb.expectFocus(page.getByLabel(`${T.check.injuries} 1 ${T.check.injuryLocation}`));
    await kb.type('左前臂');
    await kb.press('Tab');
    await kb.type('陈旧性划痕约 3 厘米');
    await kb.tabTo(field(T.check.body));
    await kb.type('全身检查未见其他异常');
    await kb.press('Tab');
    await kb.type('李明');
    await noNativeDates();
    await shot(page, 'kb-02-security-check');
    await kb.press('Enter');
    await heading(T.belongings.title).waitFor();
  });

  it('stores three items typed row by row; the empty row Enter leaves behind is no item', async () => {
    const cell = (row: number, column: string) => page.getByLabel(`${T.belongings.newItems} ${row} ${column}`, { exact: true });
    await kb.expectFocus(cell(1, T.belongings.name));
    const items = [['手机', '黑色华为'], ['钱包', '棕色，内有现金 200 元'], ['身份证', '本人居民身份证']];
    for (const [i, [name, features]] of items.entries()) {
      await kb.expectFocus(cell(i + 1, T.belongings.name));
      await kb.type(name ?? '');
      await kb.press('Tab', 2);
      await kb.type(features ?? '');
      // Enter in the last row adds the next one.
      await kb.press('Enter');
    }
    await kb.expectFocus(cell(4, T.belongings.name));
    await kb.tabTo(cell(2, T.belongings.caseRelated), { back: true });
    await kb.press('Space');
    await kb.tabTo(field(T.belongings.defaultLocker));
    await kb.type('12');
    await shot(page, 'kb-03-belongings');
    await kb.press('Enter');
    await heading(T.collect.title).waitFor();
  });

  it('records the collection', async () => {
    await kb.expectFocus(page.getByRole('checkbox', { name: '指纹', exact: true }));
    await kb.press('Space');
    await kb.press('Tab');
    await kb.press('Space');
    await kb.press('Tab');
    await kb.press('Space');
    await kb.tabTo(page.getByRole('checkbox', { name: T.collect.stored }));
    await kb.press('Space');
    await kb.tabTo(page.getByRole('button', { name: T.collect.record }));
    await shot(page, 'kb-04-collection');
    await kb.press('Enter');
    await heading(T.timeline.title).waitFor();
  });

  it('is asked where the person is, and places them in the waiting room', async () => {
    const prompt = page.locator('[data-place-prompt]');
    await kb.expectFocus(prompt.getByLabel(T.actions.moveTo));
    // 位置未明, 登记区, 安检室, 信息采集室, 物品保管室, 候问室一
    await kb.press('ArrowDown', 5);
    expect(await prompt.getByLabel(T.actions.moveTo).inputValue()).toBe('W1');
    await kb.press('Tab');
    await kb.press('Enter');
    await expect.poll(() => page.locator('.person-header').textContent()).toContain('候问室一');
    await expect.poll(() => prompt.count()).toBe(0);
  });

  it('starts an interrogation in the unrecorded room only after confirming it, with the case officers offered', async () => {
    await kb.press('1');
    await heading(T.overview.title).waitFor();
    await kb.tabTo(page.getByRole('link', { name: '讯问室一', exact: true }), { max: 80 });
    await kb.press('Enter');
    await heading(T.room.start.title).waitFor();
    const person = field(T.room.start.person);
    await kb.expectFocus(person);
    await kb.press('ArrowDown');
    const pick = page.locator('[data-case-officers]');
    await pick.waitFor();
    expect(await pick.textContent()).toContain('王建国、赵志强');
    await kb.tabTo(pick);
    await kb.press('Enter');
    await kb.tabTo(page.getByRole('button', { name: T.room.start.button, exact: true }));
    await shot(page, 'kb-05-start-session');
    await kb.press('Enter');
    const confirm = page.getByRole('dialog', { name: T.room.start.unrecordedTitle });
    await confirm.waitFor();
    // The safe answer has the keyboard; confirming is one deliberate Shift+Tab away.
    await kb.expectFocus(confirm.getByRole('button', { name: T.room.start.unrecordedCancel }));
    await shot(page, 'kb-06-confirm-unrecorded');
    await kb.press('Shift+Tab');
    await kb.press('Enter');
    await heading(T.room.session.title('讯问')).waitFor();
    const started = await call('timeline', { id: await personId() });
    const start = started.find((e) => e.type === 'session.start');
    expect(start?.payload).toMatchObject({ officers: ['E001', 'E003'] });
  });

  it('sounds 讯（询）问未录音录像, which stays 已解除·待确认 after the session until acknowledged from the keyboard', async () => {
    const bar = page.locator('.alarm-bar');
    const line = bar.locator('[data-rule=unrecorded_interrogation]');
    // Raised once the room's grace period has passed without a recording.
    await line.waitFor({ timeout: 30_000 });
    expect(await bar.getAttribute('data-sounding')).toBe('true');
    expect(await bar.getAttribute('data-audio')).toBe('running');
    expect(await line.textContent()).toContain(NAME);
    await kb.tabTo(page.getByRole('button', { name: T.room.session.end }));
    await kb.press('Enter');
    await kb.press('Enter');
    await heading(T.room.start.title).waitFor();
    // Clearing the room after the session: the prompt has the keyboard, and one Enter registers the
    // officers as gone and takes the person back to the waiting room they came from.
    const clear = page.locator('[data-clear-room]');
    await kb.expectFocus(clear);
    expect(await clear.textContent()).toContain(`${NAME} 送至候问室一`);
    await shot(page, 'kb-07-after-session');
    await kb.press('Enter');
    await expect.poll(() => page.locator('[data-person-still], [data-idle-room-prompt]').count()).toBe(0);
    // The room is empty: the alarm has ended, but nobody acknowledged it — it stays, and still sounds.
    await expect.poll(() => line.getAttribute('data-state')).toBe('awaiting');
    expect(await line.textContent()).toContain(T.alarmBar.awaiting);
    expect(await bar.getAttribute('data-sounding')).toBe('true');
    await shot(page, 'kb-08-awaiting-ack');

    await kb.tabTo(line.getByRole('button', { name: T.alarmBar.ack }));
    await kb.press('Enter');
    const dialog = page.getByRole('dialog', { name: T.ack.title });
    await kb.expectFocus(dialog.getByLabel(T.ack.note, { exact: true }));
    expect(await dialog.locator('[data-advice]').textContent()).toContain('恢复录音录像');
    await kb.press('Tab', 3);
    await kb.press('Enter');
    expect(await dialog.getByLabel(T.ack.note, { exact: true }).inputValue()).toBe('录像中断时段已记录并报告值班领导');
    await shot(page, 'kb-09-ack-dialog');
    await kb.tabTo(dialog.getByRole('button', { name: T.ack.confirm }));
    await kb.press('Enter');
    // The dialog closes when the station has answered (the change notice may come first).
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => line.count()).toBe(0);
    expect(await bar.getAttribute('data-sounding')).toBe('false');
  });

  it('finds the person from the header search, and records a meal', async () => {
    await kb.press('/');
    await kb.expectFocus(page.getByRole('combobox', { name: T.search.label }));
    await kb.type('欧阳');
    await page.locator('.search-results [role=option]').first().waitFor();
    await kb.press('Enter');
    await heading(T.timeline.title).waitFor();
    await kb.tabTo(field(T.actions.careNote));
    await kb.type('盒饭一份');
    await kb.press('Enter');
    await page.locator('.timeline li[data-type="care.meal"]').waitFor();
  });

  it('records a rest and extends the legal limit with its approver', async () => {
    await kb.tabTo(page.getByRole('button', { name: T.actions.rest }));
    await kb.press('Enter');
    await page.locator('.timeline li[data-type="care.rest"]').waitFor();
    const box = page.locator('.action-box', { hasText: T.actions.extend });
    // The furthest the law allows is offered first.
    await kb.tabTo(box.getByLabel(T.actions.newLimit, { exact: true }));
    expect(await box.getByLabel(T.actions.newLimit, { exact: true }).inputValue()).toBe('24');
    await kb.press('Tab');
    await kb.press('ArrowDown');
    await kb.tabTo(box.getByRole('button', { name: T.actions.extendButton }));
    await kb.press('Enter');
    await expect.poll(() => page.locator('.person-header').textContent()).toContain(T.person.limitHours(24));
  });

  it('registers a temporary exit (the return time in the app\'s own fields) and the return, then places the person again', async () => {
    const box = page.locator('.action-box', { hasText: T.actions.tempExit });
    await kb.tabTo(box.getByLabel(T.actions.reason, { exact: true }));
    await kb.type('送医院检查');
    await kb.press('Tab');
    await kb.press('ArrowDown');
    await kb.press('Tab');
    // Two hours from now, already filled in: YYYY-MM-DD and 24-hour HH:mm.
    expect(await page.getByLabel(T.dates.date, { exact: true }).inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await page.getByLabel(T.dates.time, { exact: true }).inputValue()).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
    await noNativeDates();
    await shot(page, 'kb-10-temporary-exit');
    await kb.tabTo(box.getByRole('button', { name: T.actions.leave }));
    await kb.press('Enter');
    // The plain return (not 登记返回并送至…): the desk is then asked where the person is.
    const returned = page.getByRole('button', { name: T.actions.returned, exact: true });
    await returned.waitFor();
    await kb.tabTo(returned);
    await kb.press('Enter');
    const prompt = page.locator('[data-place-prompt]');
    await prompt.waitFor();
    expect(await prompt.textContent()).toContain(T.actions.placeReturned);
    await kb.expectFocus(prompt.getByLabel(T.actions.moveTo));
    await kb.tabTo(prompt.locator('[data-suggested=W1]'));
    await shot(page, 'kb-11-returned');
    await kb.press('Enter');
    await expect.poll(() => page.locator('.person-header').textContent()).toContain('候问室一');
  });

  it('exits with every item settled on the page, and prints the form', async () => {
    await kb.tabTo(page.getByRole('link', { name: T.actions.exit }));
    await kb.press('Enter');
    await heading(T.exit.title).waitFor();
    await kb.expectFocus(radio(T.exit.destination, '释放'));
    // Nothing is pre-set: the station is not asked until each item is settled.
    await kb.tabTo(page.getByRole('button', { name: T.exit.button }));
    await kb.press('Enter');
    await expect.poll(() => page.locator('[data-error-for="belongings.0.disposition"]').count()).toBe(1);
    expect(await page.locator('[data-error-for="destination"]').textContent()).toBe(T.exit.needDestination);
    await kb.expectFocus(radio(T.exit.destination, '释放'));
    await shot(page, 'kb-12-exit-refused');
    await kb.press('Space');
    await kb.tabTo(page.getByRole('button', { name: T.exit.allReturned }));
    await kb.press('Enter');
    // The wallet goes with the case: kept (扣押), with where.
    await kb.tabTo(page.getByRole('group', { name: `钱包 ${T.exit.disposition}` }).getByRole('radio', { name: T.exit.dispositions.returned }));
    await kb.press('ArrowRight', 2);
    await kb.press('Tab');
    await kb.expectFocus(page.getByLabel(`钱包 ${T.exit.itemNote}`));
    await kb.type('涉案物品保管室 3 号柜');
    await shot(page, 'kb-13-exit');
    await kb.tabTo(page.getByRole('button', { name: T.exit.button }));
    await kb.press('Enter');
    await heading(T.form.title).waitFor();
    const text = await page.locator('.usage-form').textContent();
    for (const words of ['手机', '钱包', '身份证', '左前臂', '指纹', '讯问', '饮食', '送医院检查', '释放', '涉案物品保管室 3 号柜']) expect(text).toContain(words);
    await kb.tabTo(page.getByRole('button', { name: T.form.print }));
    await kb.press('Enter');
    await shot(page, 'kb-14-form');
    // The paper: the same form in print media at A4 width, and as a PDF, from a page of its own
    // (this one has its print dialog open).
    const paper = await page.context().newPage();
    try {
      await paper.setViewportSize(A4_VIEWPORT);
      await paper.emulateMedia({ media: 'print' });
      await paper.goto(page.url());
      await paper.getByRole('heading', { name: T.form.title }).waitFor();
      await shot(paper, 'kb-15-form-print');
      mkdirSync(SCREENSHOTS, { recursive: true });
      await paper.pdf({ path: join(SCREENSHOTS, 'usage-form.pdf'), format: 'A4', printBackground: true });
    } finally {
      await paper.close();
    }
  });

  it('never touched the pointer, and says how many keys it took', async () => {
    expect(await page.evaluate('window.__pointerUsed ?? 0')).toBe(0);
    // The figures the issue asks for; the lead copies them into the closing note.
    process.stdout.write(`${JSON.stringify({ journey: 'keyboard', viewport: '1366x768', keys: kb.keys, typedCharacters: kb.typed })}\n`);
    expect(kb.keys).toBeGreaterThan(0);
  });
});

/** The station's API with the page's own sign-in. */
async function call<K extends ApiMethod>(method: K, arg: ApiArg<K>): Promise<ApiResult<K>> {
  const res = await page.request.post(`${station.url}/api/${method}`, { data: arg });
  if (!res.ok()) throw new Error(`${method}: HTTP ${res.status()} ${await res.text()}`);
  return (await res.json()) as ApiResult<K>;
}

async function personId(): Promise<string> {
  const hits = await call('search', { text: NAME });
  const id = hits[0]?.person.id;
  if (!id) throw new Error(`${NAME} not found`);
  return id;
}
