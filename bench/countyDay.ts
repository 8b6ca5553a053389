// One busy day of an area's record (about 5 000 events): registrations, security checks, moves,
// questioning in a room whose camera never reports recording (so alarms rise and resolve), meals,
// rests and exits, written by the station core itself on a virtual clock. For the county bench, the
// record's speed of writing does not matter: its commits are not made durable.
import { openDb } from '../main/core/store/db.js';
import { Station } from '../main/core/station.js';

export const DAY_AREA = {
  type: 'area.configure',
  area: { id: 'BENCH', name: '压力测试办案区' },
  rooms: [
    { id: 'REG', name: '登记区', kind: 'registration' }, { id: 'W1', name: '候问室一', kind: 'waiting', capacity: 20 },
    { id: 'W2', name: '候问室二', kind: 'waiting', capacity: 20 }, { id: 'INT1', name: '讯问室一', kind: 'interrogation' },
    { id: 'INQ1', name: '询问室', kind: 'inquiry' },
  ],
  readers: [],
  cameras: [{ id: 'CAM-INT1', room: 'INT1' }, { id: 'CAM-INQ1', room: 'INQ1' }],
  officers: [{ id: 'E1', name: '王警官', gender: 'male' }, { id: 'E2', name: '李警官', gender: 'female' }, { id: 'E3', name: '赵警官', gender: 'female' }],
};

/** Writes the day into a new record at `path`; returns its number of events. */
export function writeBusyDay(path: string, targetEvents = 5000): number {
  const db = openDb(path);
  db.pragma('synchronous = OFF');
  let t = Date.UTC(2026, 2, 2, 0, 0, 0);
  const station = new Station(db, { now: () => t, offsetAt: () => 480 });
  const ok = (command: Record<string, unknown>): void => {
    t += 20_000;
    const r = station.submit(command, { actor: 'E1' });
    if (!r.ok) throw new Error(`${String(command.type)} refused: ${r.rejection.message}`);
  };
  ok(DAY_AREA);
  for (let i = 1; station.store.count() < targetEvents; i++) {
    const id = `P${i}`;
    const suspect = i % 3 === 0;
    ok({ type: 'person.enter', person: { id, name: `人员${i}`, gender: i % 2 ? 'male' : 'female', birthDate: '1980-01-01', role: suspect ? 'suspect' : 'witness',
      ...(suspect ? { caseNo: `AJ${i}`, basis: 'admin_summons' } : {}) } });
    ok({ type: 'security.check', personId: id, checkers: i % 2 ? ['E1', 'E2'] : ['E2', 'E3'], findings: { injuries: '无' } });
    ok({ type: 'person.move', who: id, room: i % 2 ? 'W1' : 'W2' });
    for (let k = 0; k < 8; k++) ok({ type: 'care.rest', personId: id, note: `休息 ${k}` });
    ok({ type: 'care.meal', personId: id });
    const room = suspect ? 'INT1' : 'INQ1';
    ok({ type: 'person.move', who: id, room });
    ok({ type: 'session.start', sessionId: `S${i}`, room, personId: id, kind: suspect ? 'interrogation' : 'inquiry', officers: ['E1', 'E2'], confirmedUnrecorded: true });
    ok({ type: 'session.end', sessionId: `S${i}` });
    ok({ type: 'person.move', who: id, room: 'REG' });
    ok({ type: 'person.exit', personId: id, destination: 'released', belongingsReturned: true });
  }
  const n = station.store.count();
  db.close();
  return n;
}
