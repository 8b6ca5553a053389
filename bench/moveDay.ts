// Generates a move-heavy 24-hour day as a replay scenario: 40 rooms, 40 officers and (by default)
// 300 persons, in which every wristband read moves its owner to another room. Unlike the
// realistic day (dayScenario.ts), whose reads mostly confirm presence and are not recorded,
// every line here changes the state and is evaluated by the rules, which is what a large area
// costs at its worst. Now and then a questioning session starts or ends, a meal is served, a
// camera drops out and comes back. Deterministic: the same seed gives the same file.
import { seededRandom } from '../hardware/rfid/sim/random.js';
import { DAY_S, iso, openArea, scenarioWriter, type Room } from './scenarioFile.js';

export interface MoveDay { readonly lines: number; readonly persons: number; readonly officers: number; readonly rooms: number }

export function moveDayRooms(): Room[] {
  const rooms: Room[] = [
    { id: 'REG', name: '登记区', kind: 'registration' }, { id: 'SEC', name: '安检室', kind: 'security_check' },
    { id: 'COL', name: '信息采集室', kind: 'collection' }, { id: 'LOCK', name: '物品保管室', kind: 'locker' },
    { id: 'MED', name: '医务室', kind: 'medical' }, { id: 'WC', name: '卫生间', kind: 'toilet' }, { id: 'COR', name: '通道', kind: 'corridor' },
  ];
  for (let i = 1; i <= 18; i++) rooms.push({ id: `W${i}`, name: `候问室${i}`, kind: 'waiting', capacity: 12 });
  for (let i = 1; i <= 10; i++) rooms.push({ id: `INT${i}`, name: `讯问室${i}`, kind: 'interrogation' });
  for (let i = 1; i <= 4; i++) rooms.push({ id: `INQ${i}`, name: `询问室${i}`, kind: 'inquiry' });
  rooms.push({ id: 'ID1', name: '辨认室', kind: 'identification' });
  return rooms;
}

export async function writeMoveDay(path: string, opts: { lines?: number; persons?: number; seed?: number } = {}): Promise<MoveDay> {
  const target = opts.lines ?? 1_000_000;
  const personCount = opts.persons ?? 300;
  const rand = seededRandom(opts.seed ?? 20260302);
  const below = (n: number): number => Math.floor(rand() * n);
  const rooms = moveDayRooms();
  const sessionRooms = rooms.filter((r) => r.kind === 'interrogation' || r.kind === 'inquiry');
  const cameras = rooms.filter((r) => ['interrogation', 'inquiry', 'identification'].includes(r.kind)).map((r) => ({ id: `CAM-${r.id}`, room: r.id }));
  const officers = Array.from({ length: 40 }, (_, i) => ({ id: `O${i + 1}`, name: `民警${i + 1}`, gender: i % 4 === 0 ? 'female' : 'male', tag: `TO${String(i + 1).padStart(4, '0')}` }));

  const w = scenarioWriter(path);
  const write = (s: string): void => w.write(s);
  openArea(w, rooms, cameras, officers);

  // Everyone who wears a wristband, and the room each one is in now (index into rooms).
  const tags: string[] = officers.map((o) => o.tag);
  const where: number[] = officers.map(() => -1);
  const persons: string[] = [];
  for (let i = 0; i < personCount; i++) {
    const id = `P${i + 1}`;
    const female = rand() < 0.25;
    const at = iso(Math.floor(i / 10));
    write(JSON.stringify({ at, type: 'person.enter', person: {
      id, name: `人员${i + 1}`, gender: female ? 'female' : 'male', birthDate: `19${55 + (i % 45)}-0${1 + (i % 9)}-1${i % 9}`, // 1955–1999: every one a valid date
      role: i % 5 === 4 ? 'witness' : 'suspect', caseNo: `C${i % 120}`,
      basis: (['criminal_summons', 'admin_summons', 'interrogation_stop', 'criminal_detention'] as const)[i % 4], tag: `TP${String(i + 1).padStart(5, '0')}`,
    } }));
    write(JSON.stringify({ at, type: 'security.check', personId: id, checkers: [female ? 'O1' : 'O2'] }));
    persons.push(id);
    tags.push(`TP${String(i + 1).padStart(5, '0')}`);
    where.push(-1);
  }

  // The rest of the day: moves, with a session, a meal or a camera's hiccup now and then. A
  // session runs for a while (a few thousand lines) with two officers who are in no other one.
  const start = Math.ceil(personCount / 10);
  const remaining = Math.max(1, target - w.lines - 1);
  const open: { personId: string; sessionId: string; officers: string[]; until: number }[] = [];
  const questioned = new Set<string>();
  const busy = new Set<string>();
  let sessions = 0;
  for (let n = 0; n < remaining; n++) {
    const at = iso(start + Math.floor((n * (DAY_S - start - 1)) / remaining));
    const ending = open[0];
    if (ending && ending.until <= n) {
      open.shift();
      write(JSON.stringify({ at, type: 'session.end', sessionId: ending.sessionId }));
      questioned.delete(ending.personId);
      for (const o of ending.officers) busy.delete(o);
      continue;
    }
    const dice = rand();
    const personId = persons[below(persons.length)] ?? 'P1';
    const free = dice < 0.002 ? officers.filter((o) => !busy.has(o.id)) : [];
    if (free.length >= 2 && !questioned.has(personId)) {
      const room = sessionRooms[below(sessionRooms.length)] ?? { id: 'INT1', kind: 'interrogation' };
      const sessionId = `S${++sessions}`;
      const first = free.splice(below(free.length), 1)[0]?.id ?? 'O3';
      const pair = [first, free[below(free.length)]?.id ?? 'O4'];
      write(JSON.stringify({ at, type: 'session.start', sessionId, room: room.id, personId, kind: room.kind, officers: pair }));
      const session = { personId, sessionId, officers: pair, until: n + 500 + below(5000) };
      const later = open.findIndex((o) => o.until > session.until);
      open.splice(later < 0 ? open.length : later, 0, session);
      questioned.add(personId);
      for (const o of pair) busy.add(o);
      continue;
    }
    if (dice < 0.0025) {
      write(JSON.stringify({ at, type: 'care.meal', personId: persons[below(persons.length)] ?? 'P1' }));
      continue;
    }
    if (dice < 0.003) {
      const cam = cameras[below(cameras.length)] ?? { id: 'CAM-INT1' };
      const up = rand() < 0.5;
      write(JSON.stringify({ at, type: 'camera.status', camera: cam.id, online: up, recording: up }));
      continue;
    }
    const who = below(tags.length);
    let to = below(rooms.length - 1);
    if (to >= (where[who] ?? -1) && (where[who] ?? -1) >= 0) to += 1;
    where[who] = to;
    write(`{"at":"${at}","type":"tag.read","reader":"RD-${rooms[to]?.id ?? 'REG'}","tag":"${tags[who] ?? ''}","rssi":-${50 + below(20)}}`);
  }
  write(JSON.stringify({ at: iso(DAY_S - 1), type: 'clock' }));
  await w.end();
  return { lines: w.lines, persons: personCount, officers: officers.length, rooms: rooms.length };
}

if (process.argv[1]?.endsWith('moveDay.ts')) {
  const [file, lines, persons] = process.argv.slice(2);
  if (!file) throw new Error('usage: tsx bench/moveDay.ts FILE [LINES] [PERSONS]');
  console.log(JSON.stringify(await writeMoveDay(file, { ...(lines ? { lines: Number(lines) } : {}), ...(persons ? { persons: Number(persons) } : {}) })));
}
