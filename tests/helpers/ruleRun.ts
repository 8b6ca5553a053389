// Runs timed steps through a station on a virtual clock and lists the alarm transitions, with
// times in seconds from T0, for table-driven rule tests.
import type { RecordedEvent } from '../../common/events.js';
import { AREA, T0, testStation } from './station.js';

export type Step = readonly [seconds: number, command: Record<string, unknown>];
export type Seen = readonly [seconds: number, state: 'raised' | 'resolved', subject: string];

export function transitions(steps: readonly Step[], endSeconds: number, rule: string, area: Record<string, unknown> = AREA): Seen[] {
  const s = testStation(area);
  const seen: Seen[] = [];
  const collect = (events: readonly RecordedEvent[]): void => {
    for (const e of events) {
      if ((e.type === 'alarm.raised' || e.type === 'alarm.resolved') && e.payload.rule === rule) {
        seen.push([(e.at - T0) / 1000, e.type === 'alarm.raised' ? 'raised' : 'resolved', e.payload.subject]);
      }
    }
  };
  try {
    for (const [sec, command] of steps) {
      collect(s.station.advanceTo(T0 + sec * 1000));
      const r = s.at(sec, command);
      if (!r.ok) throw new Error(`step at ${sec}s refused: ${r.rejection.code} ${r.rejection.message}`);
      collect(r.events);
    }
    collect(s.station.advanceTo(T0 + endSeconds * 1000));
  } finally {
    s.close();
  }
  return seen;
}

// Building blocks for the tables.
export const enter = (id: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: 'person.enter',
  person: { id, name: `人员${id}`, gender: 'male', birthDate: '1990-05-01', role: 'suspect', caseNo: `C-${id}`, basis: 'criminal_summons', tag: `T-${id}`, ...extra },
});
export const checked = (id: string): Record<string, unknown> => ({ type: 'security.check', personId: id, checkers: ['O2'], doctor: true });
export const move = (who: string, room: string | null): Record<string, unknown> => ({ type: 'person.move', who, room });
export const read = (reader: string, tag: string): Record<string, unknown> => ({ type: 'tag.read', reader, tag });
export const camera = (id: string, online: boolean, recording: boolean): Record<string, unknown> => ({ type: 'camera.status', camera: id, online, recording });
export const start = (sessionId: string, room: string, personId: string, officers: string[], extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: 'session.start', sessionId, room, personId, kind: 'interrogation', officers, ...extra,
});
export const H = 3600;
