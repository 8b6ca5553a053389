// Random scenario lines for the differential test of the rule engine: a small area in which
// everything the rules look at happens often — moves by readers and by hand, exit readers and
// unknown tags, sessions joined and left, cameras and readers dropping out, the recording disk
// filling up, corrections, area changes and setting changes, exits and temporary exits, clock
// jumps and long silences — with a share of commands the station refuses. Deterministic: the
// same seed gives the same lines.
import { seededRandom } from '../../hardware/rfid/sim/random.js';

const BASE = Date.UTC(2026, 2, 2, 0, 0, 0);
const KINDS = ['registration', 'security_check', 'waiting', 'waiting', 'interrogation', 'inquiry', 'identification', 'medical', 'toilet', 'corridor'] as const;
const BASES = ['criminal_summons', 'compelled_appearance', 'admin_summons', 'interrogation_stop', 'criminal_detention', 'voluntary'] as const;
const ROLES = ['suspect', 'suspect', 'suspect', 'witness', 'victim', 'other'] as const;

function iso(ms: number): string {
  return `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 23)}+08:00`;
}

interface Room { id: string; name: string; kind: string; capacity?: number; recordingRequired?: boolean; guardRequired?: boolean }

/** Yields `count` lines, the first of them the area.configure. */
export function* randomLines(seed: number, count: number): Generator<string> {
  const rand = seededRandom(seed);
  const below = (n: number): number => Math.floor(rand() * n);
  const pick = <T>(xs: readonly T[]): T => xs[below(xs.length)] as T;
  const chance = (p: number): boolean => rand() < p;

  let rooms: Room[] = Array.from({ length: 9 }, (_, i) => {
    const kind = KINDS[i % KINDS.length] ?? 'waiting';
    return { id: `R${i}`, name: `房间${i}`, kind, ...(kind === 'waiting' ? { capacity: 2 + below(3) } : {}) };
  });
  let readers = rooms.map((r) => ({ id: `RD-${r.id}`, room: r.id as string | null, role: 'room' })).concat([{ id: 'RD-EXIT', room: null, role: 'exit' }]);
  let cameras = rooms.filter((r) => ['interrogation', 'inquiry', 'identification'].includes(r.kind)).map((r, i) => ({ id: `CAM${i}`, room: r.id }));
  const officers = Array.from({ length: 6 }, (_, i) => ({ id: `O${i}`, name: `民警${i}`, gender: i % 3 === 0 ? 'female' : 'male', tag: `TO${i}` }));
  let t = BASE;
  const line = (type: string, body: Record<string, unknown>): string => JSON.stringify({ at: iso(t), type, ...body });

  yield line('area.configure', {
    area: { id: 'RAND', name: '随机办案区' }, rooms, readers, cameras, officers,
    settings: { presenceGraceSeconds: 30, recordingGraceSeconds: 10, deviceGraceSeconds: 20, timeLimitWarnMinutes: 30, mealIntervalHours: 4, maxStayHours: 12 },
  });

  const inside: string[] = [];
  const everyone: string[] = [];
  const tagOf = new Map<string, string>();
  const sessions: { id: string; person: string }[] = [];
  let persons = 0;
  let sessionNo = 0;
  let alarmsGuess = 0;
  let officerNo = officers.length;
  const someone = (): string => (inside.length > 0 && chance(0.75) ? pick(inside) : pick(officers).id);
  // Rooms are picked from all those ever named: an area.update may have been refused.
  const named = new Set(rooms.map((x) => x.id));
  const someRoom = (): string => (chance(0.97) ? pick([...named]) : 'NOWHERE');

  for (let n = 1; n < count; n++) {
    // Time: mostly seconds apart, often the same instant, now and then a long silence.
    const dt = chance(0.25) ? 0 : chance(0.993) ? below(20_000) : chance(0.8) ? below(3_600_000) : below(12 * 3_600_000);
    t += dt;
    const r = rand();
    if (r < 0.30) {
      const who = someone();
      const tag = tagOf.get(who) ?? officers.find((o) => o.id === who)?.tag ?? 'TX';
      const reader = pick(readers);
      yield line('tag.read', { reader: reader.id, tag, rssi: -50 - below(30) });
    } else if (r < 0.32) {
      yield line('tag.read', { reader: 'RD-EXIT', tag: tagOf.get(pick(inside.length ? inside : ['none'])) ?? 'TX' });
    } else if (r < 0.33) {
      yield line('tag.read', { reader: pick(readers).id, tag: `TU${below(4)}` });
    } else if (r < 0.43) {
      yield line('person.move', { who: someone(), room: chance(0.9) ? someRoom() : null });
    } else if (r < 0.46) {
      if (inside.length >= 14) {
        yield line('person.move', { who: pick(inside), room: someRoom() });
        continue;
      }
      const id = `P${++persons}`;
      const tag = chance(0.1) ? `TU${below(4)}` : `TP${persons}`;
      const role = pick(ROLES);
      const minor = chance(0.15);
      yield line('person.enter', { person: {
        id, name: `人员${persons}`, gender: chance(0.3) ? 'female' : 'male', birthDate: minor ? '2010-06-01' : `19${70 + below(29)}-0${1 + below(9)}-1${below(9)}`,
        role, caseNo: chance(0.8) ? `C${below(4)}` : null, basis: role === 'suspect' || chance(0.3) ? pick(BASES) : null, tag,
      } });
      inside.push(id);
      everyone.push(id);
      tagOf.set(id, tag);
    } else if (r < 0.48) {
      yield line('security.check', { personId: pick(inside.length ? inside : ['P0']), checkers: [pick(officers).id], doctor: chance(0.5) });
    } else if (r < 0.50) {
      // A person with a session (as far as the generator can tell) has it ended before leaving.
      const id = pick(inside.length ? inside : ['P0']);
      const s = sessions.find((x) => x.person === id);
      if (s) {
        yield line('session.end', { sessionId: s.id });
        sessions.splice(sessions.indexOf(s), 1);
      } else {
        yield line('person.exit', { personId: id, destination: pick(['released', 'detention_center', 'bail']), belongingsReturned: true });
        if (inside.includes(id)) inside.splice(inside.indexOf(id), 1);
      }
    } else if (r < 0.52) {
      const id = pick(inside.length ? inside : ['P0']);
      if (chance(0.5)) yield line('person.tempExit', { personId: id, reason: '就医', approvedBy: pick(officers).id, expectedReturnAt: iso(t + below(3_600_000)) });
      else yield line('person.return', { personId: id });
    } else if (r < 0.56) {
      const questioning = rooms.filter((x) => ['interrogation', 'inquiry', 'identification'].includes(x.kind));
      const room = questioning.length > 0 && chance(0.95) ? pick(questioning) : pick(rooms);
      const id = `S${++sessionNo}`;
      const person = pick(inside.length ? inside : ['P0']);
      yield line('session.start', {
        sessionId: id, room: room.id, personId: person, kind: pick(['interrogation', 'inquiry', 'identification']),
        officers: [...new Set([pick(officers).id, ...(chance(0.6) ? [pick(officers).id] : [])])], ...(chance(0.3) ? { appropriateAdult: '监护人' } : {}),
      });
      if (questioning.includes(room) && inside.includes(person) && !sessions.some((x) => x.person === person)) sessions.push({ id, person });
    } else if (r < 0.60) {
      const s = sessions.length ? pick(sessions) : { id: `S${below(3)}`, person: '' };
      const what = below(4);
      if (what === 0) yield line('session.join', { sessionId: s.id, officer: pick(officers).id });
      else if (what === 1) yield line('session.join', { sessionId: s.id, appropriateAdult: '法定代理人' });
      else if (what === 2) yield line('session.leave', { sessionId: s.id, officer: pick(officers).id });
      else {
        yield line('session.end', { sessionId: s.id });
        if (sessions.includes(s as { id: string; person: string })) sessions.splice(sessions.indexOf(s as { id: string; person: string }), 1);
      }
    } else if (r < 0.63) {
      if (cameras.length === 0) {
        yield line('clock', {});
        continue;
      }
      const up = chance(0.6);
      yield line('camera.status', { camera: pick(cameras).id, online: up, recording: up && chance(0.85) });
    } else if (r < 0.65) {
      yield line('device.status', { device: pick(readers).id, online: chance(0.6) });
    } else if (r < 0.655) {
      yield line('storage.status', { path: '/rec', freeBytes: 1e9, totalBytes: 1e10, low: chance(0.4) });
    } else if (r < 0.68) {
      yield line('care.meal', { personId: pick(inside.length ? inside : ['P0']) });
    } else if (r < 0.69) {
      yield line('person.extend', { personId: pick(inside.length ? inside : ['P0']), limitHours: pick([8, 12, 16, 24, 36, 48]), approvedBy: pick(officers).id });
    } else if (r < 0.72) {
      const fields: Record<string, unknown> = {};
      const which = below(7);
      if (which === 0) fields.gender = chance(0.5) ? 'female' : 'male';
      else if (which === 1) fields.birthDate = chance(0.5) ? '2012-01-01' : '1985-03-03';
      else if (which === 2) fields.role = pick(ROLES);
      else if (which === 3) fields.caseNo = `C${below(4)}`;
      else if (which === 4) fields.basis = pick(BASES);
      else if (which === 5) fields.tag = chance(0.3) ? `TU${below(4)}` : `TQ${n}`;
      else fields.name = `更正${n}`;
      const id = chance(0.9) && inside.length ? pick(inside) : pick(everyone.length ? everyone : ['P0']);
      if (typeof fields.tag === 'string') tagOf.set(id, fields.tag);
      yield line('person.correct', { personId: id, fields, reason: '登记错误', approvedBy: pick(officers).id });
    } else if (r < 0.725) {
      // Rooms built, changed and closed; readers and cameras moved.
      const next = rooms.map((x) => (chance(0.2) ? { ...x, kind: pick(KINDS), capacity: chance(0.5) ? 1 + below(3) : undefined } : x));
      if (chance(0.3)) next.push({ id: `R${10 + below(4)}`, name: '新房间', kind: pick(KINDS) });
      if (chance(0.3) && next.length > 6) next.splice(below(next.length), 1);
      const unique = [...new Map(next.map((x) => [x.id, x])).values()];
      const ids = unique.map((x) => x.id);
      const nextReaders = readers.map((x) => (x.room !== null && !ids.includes(x.room) ? { ...x, room: pick(ids) } : chance(0.1) && x.room !== null ? { ...x, room: pick(ids) } : x));
      const nextCameras = cameras.filter(() => chance(0.9)).map((c) => (ids.includes(c.room) && chance(0.8) ? c : { ...c, room: pick(ids) }));
      if (chance(0.3)) nextCameras.push({ id: `CAM${5 + below(3)}`, room: pick(ids) });
      const cams = [...new Map(nextCameras.map((c) => [c.id, c])).values()];
      const body: Record<string, unknown> = chance(0.7) ? { rooms: unique, readers: nextReaders, cameras: cams } : chance(0.5) ? { cameras: cams } : { rooms: unique };
      yield line('area.update', body);
      // The generator follows as if it was accepted; a refusal only makes later lines wrong.
      if (body.rooms) {
        rooms = unique;
        for (const x of unique) named.add(x.id);
      }
      if (body.readers) readers = nextReaders;
      if (body.cameras) cameras = cams;
    } else if (r < 0.728) {
      yield line('area.settings', { settings: { presenceGraceSeconds: pick([15, 30, 60]), mealIntervalHours: pick([1, 2, 4]), timeLimitWarnMinutes: pick([15, 30, 90]) } });
    } else if (r < 0.731) {
      const id = `O${officerNo++}`;
      officers.push({ id, name: `民警${id}`, gender: chance(0.5) ? 'female' : 'male', tag: `TO${id}` });
      yield line('officer.register', { officer: officers[officers.length - 1] });
    } else if (r < 0.75) {
      // Let time pass: most often a little, now and then past a grace or a deadline.
      t += chance(0.9) ? below(120_000) : below(2 * 3_600_000);
      yield line('clock', {});
    } else if (r < 0.755) {
      const which = below(3);
      if (which === 0) yield line('clock.jump', { cause: 'jump', wallBefore: t, wallAfter: t + below(3_600_000) });
      else if (which === 1) yield line('clock.adjust', { mode: 'step', from: t, to: t + 1000 });
      else yield line('clock.ack', { upTo: 1 + below(n) });
    } else if (r < 0.76) {
      alarmsGuess += 1;
      yield line('alarm.ack', { alarmId: `AL${String(1 + below(alarmsGuess * 3)).padStart(6, '0')}`, note: '已处置' });
    } else if (r < 0.77) {
      yield line(pick(['info.collect', 'care.rest']), { personId: pick(inside.length ? inside : ['P0']), ...(chance(0.5) ? { items: ['fingerprint'] } : { note: '休息' }) });
    } else {
      // Moves by hand of persons between rooms, the commonest thing in an area without readers.
      yield line('person.move', { who: pick(inside.length ? inside : ['P0']), room: someRoom() });
    }
  }
}
