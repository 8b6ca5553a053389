// Who is where, computed once per evaluation and shared by every rule.
import type { AreaState, Person, Session } from '../core/state/model.js';

export interface Occupancy {
  /** Persons in custody (not exited), by the room they are present in. */
  readonly personsByRoom: ReadonlyMap<string, readonly Person[]>;
  /** Officers present, by room. */
  readonly officersByRoom: ReadonlyMap<string, ReadonlySet<string>>;
  /** Persons in custody (not exited). */
  readonly persons: readonly Person[];
  readonly activeSessions: readonly Session[];
  readonly activeSessionsByRoom: ReadonlyMap<string, readonly Session[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function computeOccupancy(state: AreaState): Occupancy {
  const personsByRoom = new Map<string, Person[]>();
  const officersByRoom = new Map<string, Set<string>>();
  const persons: Person[] = [];
  for (const p of state.persons.values()) {
    if (p.exited !== null) continue;
    persons.push(p);
    const w = state.presence.get(p.id);
    if (w !== undefined && w !== 'outside') push(personsByRoom, w.room, p);
  }
  for (const o of state.officers.values()) {
    const w = state.presence.get(o.id);
    if (w === undefined || w === 'outside') continue;
    let set = officersByRoom.get(w.room);
    if (!set) officersByRoom.set(w.room, (set = new Set()));
    set.add(o.id);
  }
  const activeSessions: Session[] = [];
  const activeSessionsByRoom = new Map<string, Session[]>();
  for (const p of persons) {
    const s = p.activeSession ? state.sessions.get(p.activeSession) : undefined;
    if (s && s.endedAt === null) {
      activeSessions.push(s);
      push(activeSessionsByRoom, s.room, s);
    }
  }
  return { personsByRoom, officersByRoom, persons, activeSessions, activeSessionsByRoom };
}
