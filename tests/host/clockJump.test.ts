// A station on an injected wall clock: the wall clock jumps a day ahead for two seconds and back
// while an interrogation runs. The jumps are on the record and on the desk (时钟异常) until
// acknowledged; the record stays non-decreasing; no time-limit, meal or overstay alarm comes of
// it; a new interrogation in a room without a camera raises its alarm at its grace; sign-in and
// questioning sessions live on. A jump back changes no deadline either.
import { afterEach, describe, expect, it } from 'vitest';
import type { SubmitResponse } from '../../common/api.js';
import type { RecordedEvent } from '../../common/events.js';
import type { Overview } from '../../common/views.js';
import { rowToEvent } from '../../main/core/store/eventStore.js';
import { EXAMPLE_AREA } from '../../main/host/exampleArea.js';
import { apiHost, type ApiHost, type Client } from '../helpers/apiHost.js';
import { FakeTime, T0 } from '../helpers/fakeTime.js';

const DAY = 86_400_000;
const GRACE_MS = 10_000;
/** INT2 has no camera. */
const AREA = { ...EXAMPLE_AREA, cameras: (EXAMPLE_AREA.cameras ?? []).filter((c) => c.room !== 'INT2'), settings: { recordingGraceSeconds: GRACE_MS / 1000 } };
const TIME_RULES = ['no_meal', 'time_limit_warning', 'time_limit_exceeded', 'overstay'];

let h: ApiHost | null = null;
afterEach(async () => { await h?.close(); h = null; });

async function ok(client: Client, command: Record<string, unknown>): Promise<number> {
  const r = await client.call<SubmitResponse>('submit', { command });
  if (!r.body.ok) throw new Error(`${String(command.type)} refused: ${r.body.rejection.message}`);
  return r.body.at;
}

function recorded(host: ApiHost): RecordedEvent[] {
  return (host.host.db.prepare('SELECT seq, at, type, actor, payload FROM events ORDER BY seq').all() as { seq: number; at: number; type: string; actor: string; payload: string }[]).map(rowToEvent);
}

const alarmsOf = (events: RecordedEvent[]) => events.flatMap((e) => (e.type === 'alarm.raised' ? [{ at: e.at, rule: e.payload.rule, subject: e.payload.subject }] : []));

async function interrogate(desk: Client, operator: Client, person: string, session: string, room: string): Promise<number> {
  await ok(desk, { type: 'person.enter', person: { id: person, name: `嫌疑人${person}`, gender: 'male', birthDate: '1990-01-01', role: 'suspect', basis: 'criminal_summons' } });
  await ok(desk, { type: 'security.check', personId: person, checkers: ['E001'] });
  return ok(operator, { type: 'session.start', sessionId: session, room, personId: person, kind: 'interrogation', officers: ['E001', 'E003'] });
}

describe('a wall clock that jumps', () => {
  it('a day ahead for two seconds and back: recorded and shown, nothing else changes', async () => {
    const time = new FakeTime();
    h = await apiHost({ area: AREA }, time);
    const host = h.host;
    const as = await h.accounts();
    const fire = (): void => { host.station.advanceTo(host.now()); };

    await interrogate(as.desk, as.operator, 'P1', 'S1', 'INT1');
    time.pass(60_000);
    fire();

    time.wallMs += DAY;
    host.clock.check();
    time.pass(2000);
    fire();
    time.wallMs -= DAY;
    host.clock.check();
    time.pass(1000);
    fire();

    // A new interrogation in the room without a camera: its alarm rises at its grace.
    const started = await interrogate(as.desk, as.operator, 'P2', 'S2', 'INT2');
    expect(started).toBe(T0 + 63_000);
    expect(host.station.nextDeadline).toBe(started + GRACE_MS);
    time.pass(GRACE_MS);
    fire();

    const events = recorded(h);
    const raised = alarmsOf(events).find((a) => a.subject === 'room:INT2');
    expect(raised).toMatchObject({ rule: 'unrecorded_interrogation' });
    expect((raised?.at ?? Infinity) - started).toBeLessThanOrEqual(GRACE_MS + 1000);
    expect(alarmsOf(events).filter((a) => TIME_RULES.includes(a.rule))).toEqual([]);
    for (let i = 1; i < events.length; i++) expect(events[i]?.at).toBeGreaterThanOrEqual(events[i - 1]?.at ?? 0);
    expect(Math.max(...events.map((e) => e.at))).toBeLessThanOrEqual(time.wallMs);

    const jumps = events.filter((e) => e.type === 'clock.jump');
    expect(jumps.map((e) => ({ at: e.at, actor: e.actor, payload: e.payload }))).toEqual([
      { at: T0 + 60_000, actor: 'system', payload: { cause: 'jump', wallBefore: T0 + 60_000, wallAfter: T0 + 60_000 + DAY } },
      { at: T0 + 62_000, actor: 'system', payload: { cause: 'jump', wallBefore: T0 + 62_000 + DAY, wallAfter: T0 + 62_000 } },
    ]);

    // Sign-in sessions and the questioning session live on.
    for (const client of [as.desk, as.operator, as.supervisor, as.admin]) expect((await client.call('session')).body).not.toBeNull();
    expect(host.station.state.sessions.get('S1')?.endedAt).toBeNull();

    // 时钟异常 on the desk until an officer acknowledges it.
    const shown = (await as.desk.call<Overview>('overview')).body.clockJumps ?? [];
    expect(shown.map((j) => j.seq)).toEqual(jumps.map((e) => e.seq));
    expect((await as.supervisor.call<SubmitResponse>('submit', { command: { type: 'clock.ack', upTo: shown[1]?.seq } })).status).toBe(403);
    await ok(as.desk, { type: 'clock.ack', upTo: shown[1]?.seq ?? 0, note: '已核对系统时钟' });
    expect((await as.desk.call<Overview>('overview')).body.clockJumps).toEqual([]);
    const again = await as.desk.call<SubmitResponse>('submit', { command: { type: 'clock.ack', upTo: shown[1]?.seq } });
    expect(again.body).toMatchObject({ ok: false, rejection: { code: 'NO_CLOCK_JUMP' } });
  });

  it('a day back: recorded, time goes on, the legal time limit falls when it is due', async () => {
    const time = new FakeTime();
    h = await apiHost({ area: AREA }, time);
    const host = h.host;
    const as = await h.accounts();
    const entered = await ok(as.desk, { type: 'person.enter', person: { id: 'P1', name: '张某', gender: 'male', birthDate: '1990-01-01', role: 'suspect', basis: 'criminal_summons' } });
    time.pass(60_000);
    time.wallMs -= DAY;
    host.clock.check();
    time.pass(1000);
    const meal = await ok(as.desk, { type: 'care.meal', personId: 'P1' });
    expect(meal).toBe(entered + 61_000);
    expect((await as.desk.call('session')).body).not.toBeNull();

    // Twelve hours on (the wall clock still a day behind): the limit of 刑事传唤 falls on time.
    for (let i = 0; i < 12 * 60; i++) {
      time.pass(60_000);
      host.clock.check();
    }
    host.station.advanceTo(host.now());
    const events = recorded(h);
    expect(events.filter((e) => e.type === 'clock.jump').map((e) => e.payload)).toEqual([{ cause: 'jump', wallBefore: entered + 60_000, wallAfter: entered + 60_000 - DAY }]);
    expect(events.filter((e) => e.type === 'clock.adjust')).toEqual([]);
    const exceeded = alarmsOf(events).find((a) => a.rule === 'time_limit_exceeded');
    expect(exceeded?.at).toBe(entered + 12 * 3_600_000);
    for (let i = 1; i < events.length; i++) expect(events[i]?.at).toBeGreaterThanOrEqual(events[i - 1]?.at ?? 0);
  });
});
