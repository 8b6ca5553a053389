// One person's whole stay, driven through the pages as a desk officer would: first-run setup,
// entry, security check, belongings, information collection, waiting room, a questioning
// session, a meal and a rest, an extension, a temporary exit and return, exit with belongings
// returned, and the printed form.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { T } from '../../common/deskText.js';
import { formatDateTime } from '../../common/zonedTime.js';
import { A4_VIEWPORT, DESK_VIEWPORT, deskPage, launchBrowser, SCREENSHOTS, shot } from './browser.js';
import { validIdNumber } from './ids.js';
import { startStation, type RunningStation } from './station.js';
import { ADMIN, ApiClient } from './stationApi.js';

const NAME = '欧阳建华';
const ID_NUMBER = validIdNumber('11010519900307001');

let station: RunningStation;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  station = await startStation();
  browser = await launchBrowser();
  page = await deskPage(browser);
});

afterAll(async () => {
  await browser?.close();
  await station?.stop();
});

async function api(): Promise<ApiClient> {
  const client = new ApiClient(station.url);
  const cookies = await page.context().cookies(station.url);
  client.useCookie(cookies.map((c) => `${c.name}=${c.value}`).join('; '));
  return client;
}

describe('one person from entry to the printed form', () => {
  it('creates the first administrator on first run', async () => {
    await page.goto(station.url);
    await expect.poll(() => page.getByRole('heading', { name: T.auth.setupTitle }).isVisible()).toBe(true);
    await page.getByLabel(T.auth.officerId, { exact: true }).fill(ADMIN.officerId);
    await page.getByLabel(T.auth.name, { exact: true }).fill(ADMIN.name);
    await page.getByLabel(T.auth.password, { exact: true }).fill(ADMIN.password);
    await page.getByLabel(T.auth.passwordAgain, { exact: true }).fill(ADMIN.password);
    await shot(page, '01-first-run-setup');
    await page.getByRole('button', { name: T.auth.create }).click();
    await page.getByRole('heading', { name: T.overview.title }).waitFor();
    await page.locator('[data-testid=room-tile]').first().waitFor();
    await shot(page, '02-overview-empty');
  });

  it('registers the person at entry with the ID number checked and the legal limit shown', async () => {
    await page.getByRole('link', { name: T.shell.nav.enter }).click();
    await page.getByRole('heading', { name: T.entry.title }).waitFor();
    await page.getByLabel(T.entry.name, { exact: true }).fill(NAME);
    await page.getByLabel(T.entry.idNumber, { exact: true }).fill(ID_NUMBER);
    await expect.poll(() => page.locator('[data-id-ok]').textContent()).toContain('1990-03-07');
    await expect.poll(() => page.getByLabel(T.entry.gender, { exact: true }).inputValue()).toBe('male');
    await page.getByLabel(T.entry.role, { exact: true }).selectOption('suspect');
    await page.getByLabel(T.entry.basis, { exact: true }).selectOption('criminal_summons');
    await expect.poll(() => page.locator('[data-legal-limit]').textContent()).toContain('12 小时');
    await page.getByLabel(T.entry.caseNo, { exact: true }).fill('A3201052026030001');
    await page.getByLabel(T.entry.caseCause, { exact: true }).fill('涉嫌盗窃');
    await page.getByLabel(T.entry.officer1, { exact: true }).selectOption('E001');
    await page.getByLabel(T.entry.officer2, { exact: true }).selectOption('E003');
    await page.getByLabel(T.entry.tag, { exact: true }).fill('T-1001');
    await page.getByLabel(T.entry.phone, { exact: true }).fill('13800000000');
    await shot(page, '03-entry');
    await page.getByRole('button', { name: T.entry.register }).click();
    await page.getByRole('heading', { name: T.check.title }).waitFor();
  });

  it('records the security check', async () => {
    await page.getByRole('checkbox', { name: /王建国/ }).check();
    await page.getByRole('checkbox', { name: /赵志强/ }).check();
    await page.getByLabel(T.check.illness, { exact: true }).fill('自述高血压');
    await page.getByLabel(T.check.alcohol, { exact: true }).selectOption('drank');
    await page.getByRole('button', { name: T.rows.add }).first().click();
    await page.getByLabel(`${T.check.injuries} 1 ${T.check.injuryLocation}`).fill('左前臂');
    await page.getByLabel(`${T.check.injuries} 1 ${T.check.injuryDescription}`).fill('陈旧性划痕约 3 厘米');
    await page.getByLabel(T.check.body, { exact: true }).fill('全身检查未见其他异常');
    await page.getByLabel(T.check.witness, { exact: true }).fill('李明');
    await shot(page, '04-security-check');
    await page.getByRole('button', { name: T.check.record }).click();
    await page.getByRole('heading', { name: T.belongings.title }).waitFor();
  });

  it('stores the belongings item by item', async () => {
    await page.getByLabel(T.belongings.defaultLocker, { exact: true }).fill('12');
    await page.getByLabel(`${T.belongings.newItems} 1 ${T.belongings.name}`).fill('手机');
    await page.getByLabel(`${T.belongings.newItems} 1 ${T.belongings.features}`).fill('黑色华为');
    // Enter in the last row adds the next one.
    await page.getByLabel(`${T.belongings.newItems} 1 ${T.belongings.features}`).press('Enter');
    await page.getByLabel(`${T.belongings.newItems} 2 ${T.belongings.name}`).fill('钱包');
    await page.getByLabel(`${T.belongings.newItems} 2 ${T.belongings.features}`).fill('棕色，内有现金 200 元');
    await page.getByLabel(`${T.belongings.newItems} 2 ${T.belongings.caseRelated}`).check();
    await shot(page, '05-belongings');
    await page.getByRole('button', { name: T.belongings.store }).click();
    await page.getByRole('heading', { name: T.collect.title }).waitFor();
  });

  it('records the information collection', async () => {
    for (const item of ['指纹', '人像', 'DNA']) await page.getByRole('checkbox', { name: item, exact: true }).check();
    await page.getByRole('checkbox', { name: T.collect.stored }).check();
    await shot(page, '06-collection');
    await page.getByRole('button', { name: T.collect.record }).click();
    await page.getByRole('heading', { name: T.timeline.title }).waitFor();
  });

  it('moves the person to a waiting room', async () => {
    await page.locator('[data-move-form]').getByLabel(T.actions.moveTo).selectOption('W1');
    await page.getByRole('button', { name: T.actions.moveButton }).click();
    await expect.poll(() => page.locator('.person-header').textContent()).toContain('候问室一');
  });

  it('runs a questioning session in the interrogation room', async () => {
    await page.getByRole('link', { name: T.shell.nav.overview }).click();
    await page.getByRole('link', { name: '讯问室一', exact: true }).click();
    await page.getByRole('heading', { name: T.room.start.title }).waitFor();
    await page.getByLabel(T.room.start.person, { exact: true }).selectOption({ label: `${NAME}（嫌疑人） · 候问室一` });
    await page.getByRole('checkbox', { name: /王建国/ }).check();
    await page.getByRole('checkbox', { name: /赵志强/ }).check();
    await page.getByRole('button', { name: T.room.start.button, exact: true }).click();
    await page.getByRole('heading', { name: T.room.session.title('讯问') }).waitFor();
    await expect.poll(() => page.locator('.session-panel').textContent()).toContain(NAME);
    await shot(page, '07-room-session');
    await page.getByRole('button', { name: T.room.session.end }).click();
    await page.getByRole('button', { name: T.room.session.confirmEnd }).click();
    await page.getByRole('heading', { name: T.room.start.title }).waitFor();
    // Back to the waiting room: a suspect left in the interrogation room keeps it "occupied".
    await page.locator('.occupant-list li', { hasText: NAME }).getByLabel(T.actions.moveTo).selectOption('W1');
    await page.locator('.occupant-list li', { hasText: NAME }).getByRole('button', { name: T.actions.moveButton }).click();
    await expect.poll(() => page.locator('.occupant-list').first().textContent()).not.toContain(NAME);
  });

  it('records a meal and shows the timeline', async () => {
    await page.getByRole('link', { name: T.shell.nav.overview }).click();
    await page.locator('[data-room=W1]').getByRole('link', { name: NAME }).click();
    await page.getByRole('heading', { name: T.timeline.title }).waitFor();
    await page.getByLabel(T.actions.careNote, { exact: true }).fill('盒饭一份');
    await page.getByRole('button', { name: T.actions.meal }).click();
    await page.locator('.timeline li[data-type="care.meal"]').waitFor();
    await page.locator('.timeline li[data-type="session.end"]').waitFor();
    await shot(page, '08-person-detail');
  });

  it('records a rest, extends the legal limit, and registers a temporary exit and the return', async () => {
    await page.getByRole('button', { name: T.actions.rest }).click();
    await page.locator('.timeline li[data-type="care.rest"]').waitFor();

    await page.getByLabel(T.actions.newLimit, { exact: true }).selectOption('24');
    await page.locator('.action-box', { hasText: T.actions.extend }).getByLabel(T.actions.approver, { exact: true }).selectOption('E001');
    await page.getByRole('button', { name: T.actions.extendButton }).click();
    await expect.poll(() => page.locator('.person-header').textContent()).toContain(T.person.limitHours(24));

    const box = page.locator('.action-box', { hasText: T.actions.tempExit });
    await box.getByLabel(T.actions.reason, { exact: true }).fill('送医院检查');
    await box.getByLabel(T.actions.approver, { exact: true }).selectOption('E001');
    await box.getByRole('button', { name: T.actions.leave }).click();
    await page.getByRole('button', { name: T.actions.returned }).waitFor();
    await expect.poll(() => page.locator('.person-header').textContent()).toContain('临时出区');
    await shot(page, '09-person-temporary-exit');
    await page.getByRole('button', { name: T.actions.returned }).click();
    await page.locator('.timeline li[data-type="person.return"]').waitFor();
  });

  it('exits with the belongings returned and prints the form', async () => {
    await page.getByRole('link', { name: T.actions.exit }).click();
    await page.getByRole('heading', { name: T.exit.title }).waitFor();
    await page.getByLabel(T.exit.destination, { exact: true }).selectOption('released');
    await page.getByRole('button', { name: T.exit.allReturned }).click();
    await shot(page, '10-exit');
    await page.getByRole('button', { name: T.exit.button }).click();
    await page.getByRole('heading', { name: T.form.title }).waitFor();

    const client = await api();
    const [person] = await client.call('persons', { status: 'exited', text: NAME });
    expect(person).toBeDefined();
    if (!person || person.exitedAt === null) throw new Error('the person did not exit');
    expect(await page.locator('[data-form=name]').textContent()).toBe(NAME);
    expect(await page.locator('[data-form=entered]').textContent()).toBe(formatDateTime(person.enteredAt, 'Asia/Shanghai'));
    expect(await page.locator('[data-form=exited]').textContent()).toBe(formatDateTime(person.exitedAt, 'Asia/Shanghai'));
    // The form follows the record: its hash is the head of the chain as it stands.
    await expect.poll(async () => {
      const head = (await client.call('overview', {})).record.headHash.slice(0, 16);
      return (await page.locator('[data-form=hash]').textContent())?.includes(head);
    }).toBe(true);
    const text = await page.locator('.usage-form').textContent();
    for (const words of ['手机', '钱包', '左前臂', '指纹', '讯问', '饮食', '休息', '送医院检查', '24 小时', '释放', T.form.allReturned]) expect(text).toContain(words);
    // 是否入库 as the desk recorded it, not blank boxes.
    expect(await page.locator('.usage-form tr', { hasText: T.form.stored }).textContent()).toContain(`${T.form.stored}${T.form.storedYes}`);
    await shot(page, '11-usage-form');

    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize(A4_VIEWPORT);
    await shot(page, '12-usage-form-print-a4');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.pdf({ path: join(SCREENSHOTS, 'usage-form.pdf'), format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize(DESK_VIEWPORT);
  });
});
