// 入区登记 from a resident ID card: a simulated SAM reader on a real pty pair is the station's
// `idCardReader`; the card placed on it fills the entry form in headless Chromium, the person is
// registered with the fields read from the card on the record, and the same card placed again
// while the person is in the area is refused, naming them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ApiArg, ApiMethod, ApiResult } from '../../common/api.js';
import { T } from '../../common/deskText.js';
import { ROLE_LABELS } from '../../common/messages.js';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ID_CARD_TEXT, PHOTO_TEXT } from '../../common/idCardText.js';
import { IdCardSimulator, simulatedPhoto } from '../../hardware/idcard/sim/simulator.js';
import { serveOnSerial } from '../../hardware/rfid/sim/serialSimulator.js';
import { SocatPair } from '../../hardware/rfid/sim/socatPair.js';
import { HAN_CARD, UYGHUR_CARD } from '../helpers/idcards.js';
import { deskPage, launchBrowser, shot } from './browser.js';
import { startStation, type RunningStation } from './station.js';
import { ADMIN } from './stationApi.js';

let pair: SocatPair;
let served: { stop(): Promise<void> };
const sim = new IdCardSimulator({ garbage: true });
let station: RunningStation;
let browser: Browser;
let page: Page;

async function call<K extends ApiMethod>(method: K, arg: ApiArg<K>): Promise<ApiResult<K>> {
  const res = await page.request.post(`${station.url}/api/${method}`, { data: arg });
  if (!res.ok()) throw new Error(`${method}: HTTP ${res.status()} ${await res.text()}`);
  return (await res.json()) as ApiResult<K>;
}

const value = (label: string): Promise<string> => page.getByLabel(label, { exact: true }).inputValue();

async function openEntry(): Promise<void> {
  await page.getByRole('link', { name: T.shell.nav.enter }).click();
  await page.getByRole('heading', { name: T.entry.title }).waitFor();
  await page.locator('[data-idcard-ready="true"]').waitFor();
}

beforeAll(async () => {
  pair = await SocatPair.open();
  served = serveOnSerial(pair.b, 115200, sim);
  station = await startStation({ config: { idCardReader: { transport: pair.a, pollMs: 100 } } });
  // A fake camera (a test pattern) stands in for the desk computer's USB camera.
  browser = await launchBrowser(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']);
  page = await deskPage(browser);
});

afterAll(async () => {
  await browser?.close();
  await station?.stop();
  await served?.stop();
  await pair?.close();
});

describe('registration from the resident ID card', () => {
  it('fills the entry form from the card placed on the desk\'s reader and registers the person', async () => {
    await page.goto(station.url);
    await call('setup', { officerId: ADMIN.officerId, name: ADMIN.name, gender: ADMIN.gender, password: ADMIN.password });
    await page.goto(station.url);
    await page.getByRole('heading', { name: T.overview.title }).waitFor();
    await openEntry();

    sim.place(UYGHUR_CARD);
    await expect.poll(() => value(T.entry.name)).toBe(UYGHUR_CARD.name);
    expect(await value(T.entry.idNumber)).toBe(UYGHUR_CARD.idNumber);
    expect(await value(T.entry.household)).toBe(UYGHUR_CARD.address);
    expect(await value(ID_CARD_TEXT.nation)).toBe('维吾尔');
    expect(await page.locator('[data-idcard-fields]').getAttribute('data-idcard-fields')).toBe('name,gender,birthDate,idNumber,household,nation');
    await expect.poll(() => page.locator('[data-id-ok]').textContent()).toContain('1962-11-02');

    await page.getByRole('group', { name: T.entry.role }).getByRole('radio', { name: ROLE_LABELS.witness, exact: true }).check();
    await page.getByLabel(T.entry.officer1, { exact: true }).selectOption('E001');
    await page.getByLabel(T.entry.officer2, { exact: true }).selectOption('E003');
    // 登记照片 from the desk computer's camera: the station stores it and the form keeps its hash.
    await page.getByRole('button', { name: PHOTO_TEXT.fromWebcam }).click();
    const live = page.locator('.photo-live video');
    await live.or(page.locator('[data-field="person.details.photoSha256"] .field-hint', { hasText: PHOTO_TEXT.noWebcam })).waitFor();
    expect(await page.locator('[data-field="person.details.photoSha256"] .field-hint').textContent()).toBe(PHOTO_TEXT.none);
    await expect.poll(() => live.evaluate((v) => (v as unknown as { videoWidth: number }).videoWidth)).toBeGreaterThan(0);
    await page.getByRole('button', { name: PHOTO_TEXT.take, exact: true }).click();
    const taken = page.locator('[data-field="person.details.photoSha256"] img[data-photo-sha]');
    await taken.waitFor();
    const photoSha = await taken.getAttribute('data-photo-sha');
    expect(photoSha).toMatch(/^[0-9a-f]{64}$/);
    await shot(page, '40-entry-from-id-card');
    await page.getByRole('button', { name: T.entry.register }).click();
    await page.getByRole('heading', { name: T.check.title }).waitFor();

    const persons = await call('persons', { status: 'in' });
    const registered = persons.find((p) => p.name === UYGHUR_CARD.name);
    expect(registered).toBeDefined();
    const detail = await call('person', { id: registered?.id ?? '' });
    expect(detail?.idNumber).toBe(UYGHUR_CARD.idNumber);
    expect(detail?.details).toMatchObject({
      household: UYGHUR_CARD.address, nation: '维吾尔', fromCard: 'name,gender,birthDate,idNumber,household,nation', cardValidUntil: '长期',
      photoSha256: photoSha, cardPhotoSha256: createHash('sha256').update(simulatedPhoto(UYGHUR_CARD)).digest('hex'),
    });
    // In the photos folder of the record's data folder (the example area's is demo/).
    const stored = readdirSync(station.stationData, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith(`photos/${photoSha ?? ''}.jpg`));
    expect(stored).toHaveLength(1);
    expect(readFileSync(join(station.stationData, stored[0] ?? '')).subarray(0, 3).toString('hex')).toBe('ffd8ff');

    // The photo on the person page and on the printed form, checked against the record's hash.
    await page.goto(`${station.url}/#/person/${registered?.id ?? ''}`);
    await page.locator(`[data-person-photos] img[data-photo-sha="${photoSha ?? ''}"]`).waitFor();
    expect(await page.locator('[data-photo-not-intact]').count()).toBe(0);
    await shot(page, '42-person-with-photo');
    await page.goto(`${station.url}/#/person/${registered?.id ?? ''}/form`);
    await page.locator(`.usage-form [data-person-photos] img[data-photo-sha="${photoSha ?? ''}"]`).waitFor();
    await shot(page, '43-form-with-photo');
    await page.goto(station.url);
    await page.getByRole('heading', { name: T.overview.title }).waitFor();
  });

  it('refuses the card of a person in the area, naming them', async () => {
    await openEntry();
    // Another card first: the first card lifted and placed back at once would be the card that stayed.
    sim.place(HAN_CARD);
    await expect.poll(() => value(T.entry.name)).toBe(HAN_CARD.name);
    sim.place(UYGHUR_CARD);
    await page.locator('[data-idcard-refused]').waitFor();
    expect(await page.locator('[data-idcard-refused]').textContent()).toContain(`该身份证的持有人 ${UYGHUR_CARD.name}`);
    expect(await value(T.entry.name)).toBe(HAN_CARD.name);
    await shot(page, '41-entry-id-card-in-area');
    sim.remove();
  });
});
