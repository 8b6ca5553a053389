// A station on an in-memory record and a virtual clock, with the scenario area of the contract.
import { openDb } from '../../main/core/store/db.js';
import { Station, type SubmitResult } from '../../main/core/station.js';

export const T0 = Date.UTC(2026, 2, 2, 0, 0, 0);

export const AREA = {
  type: 'area.configure',
  area: { id: 'A1', name: '城东派出所办案区' },
  rooms: [
    { id: 'REG', name: '登记区', kind: 'registration' }, { id: 'SEC', name: '安检室', kind: 'security_check' },
    { id: 'W1', name: '候问室一', kind: 'waiting', capacity: 2 }, { id: 'W2', name: '候问室二', kind: 'waiting', capacity: 3 },
    { id: 'INT1', name: '讯问室一', kind: 'interrogation' }, { id: 'INQ1', name: '询问室', kind: 'inquiry' },
    { id: 'ID1', name: '辨认室', kind: 'identification' }, { id: 'MED', name: '医务室', kind: 'medical' },
  ],
  readers: [
    { id: 'RD-REG', room: 'REG', role: 'room' }, { id: 'RD-SEC', room: 'SEC', role: 'room' }, { id: 'RD-W1', room: 'W1', role: 'room' },
    { id: 'RD-W2', room: 'W2', role: 'room' }, { id: 'RD-INT1', room: 'INT1', role: 'room' }, { id: 'RD-EXIT', room: null, role: 'exit' },
  ],
  cameras: [{ id: 'CAM-INT1', room: 'INT1' }, { id: 'CAM-INQ1', room: 'INQ1' }],
  officers: [
    { id: 'O1', name: '王警官', gender: 'male', tag: 'T-O1' }, { id: 'O2', name: '李警官', gender: 'female', tag: 'T-O2' },
    { id: 'O3', name: '赵警官', gender: 'male', tag: 'T-O3' },
  ],
};

export const SUSPECT = (id: string, extra: Record<string, unknown> = {}) => ({
  type: 'person.enter',
  person: { id, name: `嫌疑人${id}`, gender: 'male', birthDate: '1990-05-01', role: 'suspect', caseNo: 'C1', basis: 'criminal_summons', tag: `T-${id}`, ...extra },
});

export interface TestStation {
  readonly station: Station;
  /** Submits at T0 + seconds (offset +08:00 for calendar dates). */
  at(seconds: number, command: Record<string, unknown>): SubmitResult;
  /** Submits and fails the test if refused. */
  ok(seconds: number, command: Record<string, unknown>): Extract<SubmitResult, { ok: true }>;
  close(): void;
}

export function testStation(area: Record<string, unknown> = AREA): TestStation {
  const db = openDb(':memory:');
  let clock = T0;
  const station = new Station(db, { now: () => clock, offsetAt: () => 480 });
  const at = (seconds: number, command: Record<string, unknown>): SubmitResult => {
    clock = T0 + seconds * 1000;
    return station.submit(command, { actor: 'O1', at: clock, offsetMinutes: 480 });
  };
  const ok = (seconds: number, command: Record<string, unknown>): Extract<SubmitResult, { ok: true }> => {
    const r = at(seconds, command);
    if (!r.ok) throw new Error(`${String(command.type)} refused: ${r.rejection.code} ${r.rejection.message}`);
    return r;
  };
  ok(0, area);
  return { station, at, ok, close: () => db.close() };
}

export interface OpenedStation {
  readonly db: ReturnType<typeof openDb>;
  readonly station: Station;
  /** Submits at T0 + seconds as `actor` and fails the test if refused. */
  ok(seconds: number, command: Record<string, unknown>, actor?: string): Extract<SubmitResult, { ok: true }>;
}

/** A station on a database file, to be closed and opened again (rebuilding from the record). */
export function reopenableStation(path: string): { open(): OpenedStation } {
  const clock = { t: T0 };
  return {
    open() {
      const db = openDb(path);
      const station = new Station(db, { now: () => clock.t, offsetAt: () => 480 });
      const ok = (seconds: number, command: Record<string, unknown>, actor = 'O1'): Extract<SubmitResult, { ok: true }> => {
        clock.t = T0 + seconds * 1000;
        const r = station.submit(command, { actor });
        if (!r.ok) throw new Error(`${String(command.type)} refused: ${r.rejection.code} ${r.rejection.message}`);
        return r;
      };
      return { db, station, ok };
    },
  };
}
