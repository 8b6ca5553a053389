// Generates a busy 24-hour day as a replay scenario: 40 rooms, 300 persons, about a million
// lines, mostly tag reads from room readers (readers repeat what they see every few seconds).
// Deterministic: the same seed gives the same file.
import { seededRandom } from '../hardware/rfid/sim/random.js';
import { DAY_S as DAY, iso, openArea, scenarioWriter, type Room } from './scenarioFile.js';

export interface DayScenario { readonly lines: number; readonly persons: number; readonly rooms: number }

export async function writeDayScenario(path: string, opts: { targetLines?: number; persons?: number; seed?: number } = {}): Promise<DayScenario> {
  const target = opts.targetLines ?? 1_000_000;
  const personCount = opts.persons ?? 300;
  const rand = seededRandom(opts.seed ?? 20260302);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

  const rooms: Room[] = [
    { id: 'REG', name: '登记区', kind: 'registration' }, { id: 'SEC', name: '安检室', kind: 'security_check' },
    { id: 'COL', name: '信息采集室', kind: 'collection' }, { id: 'LOCK', name: '物品保管室', kind: 'locker' },
    { id: 'MED', name: '医务室', kind: 'medical' }, { id: 'WC', name: '卫生间', kind: 'toilet' },
  ];
  for (let i = 1; i <= 12; i++) rooms.push({ id: `W${i}`, name: `候问室${i}`, kind: 'waiting', capacity: 4 });
  for (let i = 1; i <= 14; i++) rooms.push({ id: `INT${i}`, name: `讯问室${i}`, kind: 'interrogation' });
  for (let i = 1; i <= 6; i++) rooms.push({ id: `INQ${i}`, name: `询问室${i}`, kind: 'inquiry' });
  rooms.push({ id: 'ID1', name: '辨认室', kind: 'identification' }, { id: 'COR', name: '通道', kind: 'corridor' });
  const sessionRooms = rooms.filter((r) => r.kind === 'interrogation' || r.kind === 'inquiry');
  const waiting = rooms.filter((r) => r.kind === 'waiting');
  const officers = Array.from({ length: 60 }, (_, i) => ({ id: `O${i + 1}`, name: `民警${i + 1}`, gender: i % 4 === 0 ? 'female' : 'male', tag: `TO${String(i + 1).padStart(4, '0')}` }));
  const cameras = rooms.filter((r) => ['interrogation', 'inquiry', 'identification'].includes(r.kind)).map((r) => ({ id: `CAM-${r.id}`, room: r.id }));

  // Scheduled actions; reads are generated per second from where everyone is.
  type Action = { at: number; order: number; line: (() => string) | null; who?: string; room?: string | null };
  const actions: Action[] = [];
  let order = 0;
  const add = (at: number, line: (() => string) | null, who?: string, room?: string | null): void => {
    actions.push({ at: Math.min(DAY - 1, Math.floor(at)), order: order++, line, ...(who ? { who, room: room ?? null } : {}) });
  };
  // Desk officers stay at registration and the search room all day; the rest come and go with sessions.
  add(0, null, 'O1', 'REG');
  add(0, null, 'O2', 'SEC');
  add(0, null, 'O5', 'SEC');
  for (let i = 0; i < personCount; i++) {
    const id = `P${i + 1}`;
    const female = rand() < 0.2;
    const entry = 60 + rand() * (DAY - 14 * 3600);
    const stay = 2 * 3600 + rand() * 9 * 3600;
    const tag = `TP${String(i + 1).padStart(5, '0')}`;
    const basis = pick(['criminal_summons', 'admin_summons', 'interrogation_stop', 'criminal_detention']);
    const checker = female ? 'O5' : 'O2';
    const wait = pick(waiting).id;
    const room = sessionRooms[i % sessionRooms.length]?.id ?? 'INT1';
    const pair = [officers[(i * 2) % 57 + 3]?.id ?? 'O4', officers[(i * 2 + 1) % 57 + 3]?.id ?? 'O5'];
    add(entry, () => JSON.stringify({ at: '', type: 'person.enter', person: { id, name: `人员${i + 1}`, gender: female ? 'female' : 'male', birthDate: `19${60 + (i % 40)}-0${1 + (i % 9)}-1${i % 9}`, role: 'suspect', caseNo: `C${i}`, basis, tag, officers: pair } }), id, 'REG');
    add(entry + 120, null, id, 'SEC');
    add(entry + 300, () => JSON.stringify({ at: '', type: 'security.check', personId: id, checkers: [checker] }));
    add(entry + 420, () => JSON.stringify({ at: '', type: 'belongings.store', personId: id, items: [{ name: '手机', quantity: 1 }, { name: '钥匙', quantity: 1 }], locker: `L${i % 50}` }));
    add(entry + 540, null, id, wait);
    const sStart = entry + 1800 + rand() * 1800;
    const sEnd = sStart + 2400 + rand() * 3000;
    for (const o of pair) add(sStart - 30, null, o, room);
    add(sStart, () => JSON.stringify({ at: '', type: 'session.start', sessionId: `S${i + 1}`, room, personId: id, kind: room.startsWith('INT') ? 'interrogation' : 'inquiry', officers: pair }));
    add(sStart + 20, null, id, room);
    add(sEnd, () => JSON.stringify({ at: '', type: 'session.end', sessionId: `S${i + 1}` }));
    add(sEnd + 30, null, id, wait);
    for (const o of pair) add(sEnd + 60, null, o, null);
    if (stay > 4 * 3600) add(entry + 4 * 3600, () => JSON.stringify({ at: '', type: 'care.meal', personId: id }));
    add(entry + stay, () => JSON.stringify({ at: '', type: 'person.exit', personId: id, destination: pick(['released', 'detention_center', 'bail']), belongingsReturned: true }), id, null);
  }
  actions.sort((a, b) => a.at - b.at || a.order - b.order);

  const w = scenarioWriter(path);
  const write = (s: string): void => w.write(s);
  openArea(w, rooms, cameras, officers);

  const where = new Map<string, string>();
  const tags = new Map<string, string>(officers.map((o) => [o.id, o.tag]));
  const present: string[] = [];
  const readsPerSecond = Math.max(0, (target - actions.length - cameras.length - 1) / DAY);
  let budget = 0;
  let next = 0;
  for (let s = 0; s < DAY; s++) {
    const at = iso(s);
    for (; next < actions.length && (actions[next]?.at ?? DAY) <= s; next++) {
      const a = actions[next] as Action;
      if (a.line) write(a.line().replace('"at":""', `"at":"${at}"`));
      if (a.who) {
        if (a.who.startsWith('P') && !tags.has(a.who)) tags.set(a.who, `TP${a.who.slice(1).padStart(5, '0')}`);
        const had = where.has(a.who);
        if (a.room) where.set(a.who, a.room);
        else where.delete(a.who);
        if (a.room && !had) present.push(a.who);
        if (!a.room && had) present.splice(present.indexOf(a.who), 1);
      }
    }
    budget += readsPerSecond;
    for (; budget >= 1 && present.length > 0; budget -= 1) {
      const who = pick(present);
      write(`{"at":"${at}","type":"tag.read","reader":"RD-${where.get(who) ?? 'REG'}","tag":"${tags.get(who) ?? ''}","rssi":-${50 + Math.floor(rand() * 20)}}`);
    }
  }
  write(JSON.stringify({ at: iso(DAY - 1), type: 'clock' }));
  await w.end();
  return { lines: w.lines, persons: personCount, rooms: rooms.length };
}
