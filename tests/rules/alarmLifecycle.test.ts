// Acknowledging an alarm records who and when with a note, does not clear a condition that still
// holds, and the history keeps raised, acknowledged and resolved.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { T0, testStation, type TestStation } from '../helpers/station.js';
import { enter, move } from '../helpers/ruleRun.js';

let s: TestStation;
beforeEach(() => {
  s = testStation();
  s.ok(1, enter('P1'));
  s.ok(10, move('P1', 'W1')); // not searched: missing_security_check at once
});
afterEach(() => s.close());

const alarmId = () => s.station.state.activeAlarms.get('missing_security_check|person:P1') ?? '';

describe('alarm acknowledgement', () => {
  it('keeps the alarm active while its condition holds, and records who acknowledged it', () => {
    const id = alarmId();
    expect(id).toMatch(/^AL\d+$/);
    const r = s.at(20, { type: 'alarm.ack', alarmId: id, note: '已通知值班民警带回安检室' });
    expect(r.ok).toBe(true);
    expect(s.station.state.activeAlarms.get('missing_security_check|person:P1')).toBe(id);
    const row = s.station.db.prepare('SELECT * FROM alarms WHERE id = ?').get(id) as Record<string, unknown>;
    expect(row).toMatchObject({ raised_at: T0 + 10_000, resolved_at: null, acked_at: T0 + 20_000, acked_by: 'O1', ack_note: '已通知值班民警带回安检室' });
    s.ok(30, { type: 'security.check', personId: 'P1', checkers: ['O1'] });
    expect(s.station.db.prepare('SELECT resolved_at, acked_at FROM alarms WHERE id = ?').get(id)).toEqual({ resolved_at: T0 + 30_000, acked_at: T0 + 20_000 });
  });

  it('refuses a second acknowledgement and an empty note', () => {
    const id = alarmId();
    s.ok(20, { type: 'alarm.ack', alarmId: id, note: '已处理' });
    const again = s.at(21, { type: 'alarm.ack', alarmId: id, note: '再次' });
    expect(again.ok ? '' : again.rejection.code).toBe('ALARM_ALREADY_ACKED');
    const empty = s.at(22, { type: 'alarm.ack', alarmId: id, note: ' ' });
    expect(empty.ok ? '' : empty.rejection.code).toBe('INVALID_FIELD');
  });

  it('accepts an acknowledgement of a resolved alarm, and a new raise is a new alarm', () => {
    const first = alarmId();
    s.ok(15, move('P1', 'SEC'));
    expect(s.at(16, { type: 'alarm.ack', alarmId: first, note: '事后确认' }).ok).toBe(true);
    s.ok(20, move('P1', 'W1'));
    const second = alarmId();
    expect(second).not.toBe(first);
    expect(s.station.state.alarms.get(second)?.ack).toBeNull();
  });

  it('keeps the whole history in the record', () => {
    const id = alarmId();
    s.ok(20, { type: 'alarm.ack', alarmId: id, note: '已处理' });
    s.ok(30, { type: 'security.check', personId: 'P1', checkers: ['O1'] });
    const types = (s.station.db.prepare(`SELECT e.type, e.actor FROM events e WHERE e.type LIKE 'alarm.%' ORDER BY seq`).all() as { type: string; actor: string }[]);
    expect(types).toEqual([{ type: 'alarm.raised', actor: 'system' }, { type: 'alarm.ack', actor: 'O1' }, { type: 'alarm.resolved', actor: 'system' }]);
  });
});

describe('settings', () => {
  it('a changed grace applies to conditions from then on', () => {
    s.ok(11, { type: 'security.check', personId: 'P1', checkers: ['O1'] });
    s.ok(20, { type: 'area.settings', settings: { presenceGraceSeconds: 5 } });
    s.ok(30, move('P1', 'SEC'));
    s.station.advanceTo(T0 + 35_000);
    expect(s.station.state.activeAlarms.has('unaccompanied_suspect|person:P1')).toBe(true);
    expect(s.station.db.prepare('SELECT json_extract(settings, \'$.presenceGraceSeconds\') AS g FROM area').get()).toEqual({ g: 5 });
  });
});
