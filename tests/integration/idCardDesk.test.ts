// The desk's ID-card reader (`idCardReader`) in the running station, on a real pty pair: the
// entry form's call waits for a card and gets it, an expired card is flagged, a card of a person
// in the area names them, and the registration records which fields came from the card.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskIdCardView } from '../../common/idCard.js';
import type { PersonDetail } from '../../common/views.js';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PersonPhotos } from '../../common/idCard.js';
import { IdCardSimulator, simulatedPhoto } from '../../hardware/idcard/sim/simulator.js';
import { serveOnSerial } from '../../hardware/rfid/sim/serialSimulator.js';
import { SocatPair } from '../../hardware/rfid/sim/socatPair.js';
import { apiHost, type ApiHost } from '../helpers/apiHost.js';
import { EXPIRED_CARD, HAN_CARD, UYGHUR_CARD } from '../helpers/idcards.js';

/** A 1×1 PNG: a registration photo as small as one can be. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
let pair: SocatPair;
let h: ApiHost;
let as: Awaited<ReturnType<ApiHost['accounts']>>;
let served: { stop(): Promise<void> };
const sim = new IdCardSimulator();

beforeAll(async () => {
  pair = await SocatPair.open();
  h = await apiHost({ idCardReader: { transport: pair.a, pollMs: 50 } });
  as = await h.accounts();
  served = serveOnSerial(pair.b, 115200, sim);
  void h.host.startDevices();
});

afterAll(async () => {
  await h.host.stopDevices();
  await served.stop();
  await h.close();
  await pair.close();
});

/** Waits (the station's own long poll, at most 10 s a call, a few calls) for a card after `after`. */
async function nextCard(after: number): Promise<DeskIdCardView> {
  for (let i = 0; i < 5; i++) {
    const r = await as.desk.call<DeskIdCardView>('deskIdCard', { after, waitMs: 8000 });
    expect(r.status).toBe(200);
    if (r.body.read) return r.body;
  }
  throw new Error('no card was offered');
}

describe('the desk\'s ID-card reader', () => {
  it('offers a card placed after the one the form knows, once, and nothing before it', async () => {
    const start = (await as.desk.call<DeskIdCardView>('deskIdCard', { after: 0 })).body;
    expect(start).toMatchObject({ configured: true, read: null });
    sim.place(UYGHUR_CARD);
    const got = await nextCard(start.seq);
    expect(got.online).toBe(true);
    expect(got.read).toMatchObject({ card: UYGHUR_CARD, expired: false, inArea: null });
    const again = await as.desk.call<DeskIdCardView>('deskIdCard', { after: got.seq });
    expect(again.body.read).toBeNull();
    sim.remove();
  });

  it('flags an expired card, and registration records the card\'s fields, nation, validity and photos', async () => {
    const { seq } = (await as.desk.call<DeskIdCardView>('deskIdCard', { after: 0 })).body;
    sim.place(EXPIRED_CARD);
    const got = await nextCard(seq);
    expect(got.read).toMatchObject({ card: EXPIRED_CARD, expired: true });
    const c = EXPIRED_CARD;
    const wlt = simulatedPhoto(c);
    expect(got.read?.photoSha256).toBe(createHash('sha256').update(wlt).digest('hex'));
    const photo = await as.desk.call<{ sha256: string; dataUrl: string }>('registrationPhoto', { dataUrl: `data:image/png;base64,${PNG.toString('base64')}` });
    expect(photo.status).toBe(200);
    expect(photo.body.sha256).toBe(createHash('sha256').update(PNG).digest('hex'));
    const entered = await as.desk.call<{ ok: boolean }>('submit', { command: { type: 'person.enter', person: {
      id: 'P-CARD1', name: c.name, gender: c.gender, birthDate: c.birthDate, idNumber: c.idNumber, role: 'witness',
      details: { household: c.address, nation: c.nationName, fromCard: 'name,gender,birthDate,idNumber,household,nation', cardValidUntil: c.validUntil,
        photoSha256: photo.body.sha256, cardPhotoSha256: got.read?.photoSha256 },
    } } });
    expect(entered.body.ok).toBe(true);
    const person = (await as.desk.call<PersonDetail>('person', { id: 'P-CARD1' })).body;
    expect(person.details).toMatchObject({ nation: '傣', household: EXPIRED_CARD.address, fromCard: 'name,gender,birthDate,idNumber,household,nation', cardValidUntil: '2018-09-01' });
    // The photos are in the data folder under the hashes the record keeps; a changed file shows.
    const photos = (await as.operator.call<PersonPhotos>('personPhoto', { id: 'P-CARD1' })).body;
    expect(photos).toEqual({
      photo: { sha256: photo.body.sha256, dataUrl: `data:image/png;base64,${PNG.toString('base64')}`, intact: true },
      cardPhoto: { sha256: got.read?.photoSha256, intact: true },
    });
    expect(readFileSync(join(h.host.dataDir, 'photos', `${got.read?.photoSha256 ?? ''}.wlt`)).equals(wlt)).toBe(true);
    writeFileSync(join(h.host.dataDir, 'photos', `${photo.body.sha256}.png`), Buffer.concat([PNG, Buffer.from([0])]));
    expect((await as.desk.call<PersonPhotos>('personPhoto', { id: 'P-CARD1' })).body.photo?.intact).toBe(false);
    sim.remove();
  });

  it('refuses a photo that is no JPEG or PNG image, and a camera snapshot without recording', async () => {
    const text = await as.desk.call('registrationPhoto', { dataUrl: `data:image/png;base64,${Buffer.from('not an image').toString('base64')}` });
    expect(text.status).toBe(400);
    expect((await as.desk.call('registrationPhoto', { dataUrl: 'data:text/html;base64,PGI+' })).status).toBe(400);
    const snapshot = await as.desk.call<{ message?: string }>('registrationPhoto', { camera: 'CAM-REG' });
    expect(snapshot.status).toBe(409);
    expect((await as.operator.call('registrationPhoto', { dataUrl: `data:image/png;base64,${PNG.toString('base64')}` })).status).toBe(403);
  });

  it('names the person in the area who holds the card\'s ID number', async () => {
    // Another card first: the same card lifted and placed back at once is the card that stayed.
    const { seq } = (await as.desk.call<DeskIdCardView>('deskIdCard', { after: 0 })).body;
    sim.place(HAN_CARD);
    const han = await nextCard(seq);
    expect(han.read).toMatchObject({ card: HAN_CARD, inArea: null });
    sim.place(EXPIRED_CARD);
    const got = await nextCard(han.seq);
    expect(got.read?.inArea).toEqual({ id: 'P-CARD1', name: EXPIRED_CARD.name });
    sim.remove();
  });

  it('refuses a made-up list of card fields, naming the field', async () => {
    const r = await as.desk.call<{ ok: boolean; rejection?: { field?: string } }>('submit', { command: { type: 'person.enter', person: {
      id: 'P-CARD2', name: HAN_CARD.name, gender: 'male', birthDate: HAN_CARD.birthDate, role: 'witness', details: { fromCard: 'name,photo' },
    } } });
    expect(r.body.ok).toBe(false);
    expect(r.body.rejection?.field).toBe('person.details.fromCard');
  });

  it('is only for the desk and administrators', async () => {
    expect((await as.operator.call('deskIdCard', { after: 0 })).status).toBe(403);
    expect((await as.desk.call('deskIdCard', { after: -1 })).status).toBe(400);
  });
});
