// Tampering with the record in any way is found, and the first broken event is named.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyChain } from '../../main/core/store/verify.js';
import { SUSPECT, testStation, type TestStation } from '../helpers/station.js';

let s: TestStation;
beforeEach(() => {
  s = testStation();
  s.ok(10, SUSPECT('P1'));
  s.ok(20, { type: 'security.check', personId: 'P1', checkers: ['O1'] });
  s.ok(30, { type: 'care.meal', personId: 'P1' });
  s.ok(40, SUSPECT('P2'));
});
afterEach(() => s.close());

const db = () => s.station.db;
const unlock = () => db().exec('DROP TRIGGER events_append_only_update; DROP TRIGGER events_append_only_delete;');

describe('verifyChain', () => {
  it('accepts an untouched record', () => {
    const r = verifyChain(db());
    expect(r).toMatchObject({ ok: true, events: s.station.store.count(), headHash: s.station.store.head.hash });
  });
  it('names an event whose payload was edited', () => {
    unlock();
    db().prepare(`UPDATE events SET payload = replace(payload, '嫌疑人P1', '某某') WHERE seq = 2`).run();
    expect(verifyChain(db())).toMatchObject({ ok: false, brokenSeq: 2 });
  });
  it('names an event whose time was edited', () => {
    unlock();
    db().prepare('UPDATE events SET at = at - 1000 WHERE seq = 3').run();
    expect(verifyChain(db())).toMatchObject({ ok: false, brokenSeq: 3 });
  });
  it('finds a deleted event', () => {
    unlock();
    db().pragma('foreign_keys = OFF');
    db().prepare('DELETE FROM events WHERE seq = 3').run();
    expect(verifyChain(db())).toMatchObject({ ok: false, brokenSeq: 4 });
  });
  it('finds a rewritten hash', () => {
    unlock();
    db().prepare(`UPDATE events SET hash = '${'a'.repeat(64)}' WHERE seq = 4`).run();
    expect(verifyChain(db())).toMatchObject({ ok: false, brokenSeq: 4 });
  });
});
