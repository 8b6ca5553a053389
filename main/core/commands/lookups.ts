// Lookups shared by the command decisions: each returns the thing or the rejection naming it.
import { reject, type StationRejection } from '../../../common/rejections.js';
import type { AreaState, Officer, Person, Session } from '../state/model.js';

export type Found<T> = { ok: true; value: T } | { ok: false; rejection: StationRejection };

const found = <T>(value: T): Found<T> => ({ ok: true, value });
const missing = <T>(rejection: StationRejection): Found<T> => ({ ok: false, rejection });

/** A registered person, whether in the area or exited. */
export function registeredPerson(state: AreaState, id: string, field = 'personId'): Found<Person> {
  const p = state.persons.get(id);
  return p ? found(p) : missing(reject('UNKNOWN_PERSON', { en: `person ${id} is not in the area`, zh: `人员 ${id} 不在办案区（未登记）` }, field));
}

/** A registered person who has not left the area. */
export function livePerson(state: AreaState, id: string, field = 'personId'): Found<Person> {
  const p = registeredPerson(state, id, field);
  if (p.ok && p.value.exited) {
    return missing(reject('PERSON_EXITED', { en: `person ${id} has exited`, zh: `人员 ${p.value.name}（${id}）已出区，不能再记录` }, field));
  }
  return p;
}

export function officer(state: AreaState, id: string, field: string): Found<Officer> {
  const o = state.officers.get(id);
  return o ? found(o) : missing(reject('UNKNOWN_OFFICER', { en: `officer ${id} does not exist`, zh: `民警 ${id} 未登记` }, field));
}

/** Every id must be a known officer; the first unknown one is named. */
export function officers(state: AreaState, ids: readonly string[], field: string): StationRejection | null {
  for (const [i, id] of ids.entries()) {
    const o = officer(state, id, `${field}.${i}`);
    if (!o.ok) return o.rejection;
  }
  return null;
}

export function activeSession(state: AreaState, id: string): Found<Session> {
  const s = state.sessions.get(id);
  if (!s) return missing(reject('UNKNOWN_SESSION', { en: `session ${id} does not exist`, zh: `讯（询）问 ${id} 不存在` }, 'sessionId'));
  if (s.endedAt !== null) return missing(reject('SESSION_NOT_ACTIVE', { en: `session ${id} is not active`, zh: `讯（询）问 ${id} 已结束` }, 'sessionId'));
  return found(s);
}

export function idInUse(state: AreaState, id: string): boolean {
  return state.persons.has(id) || state.officers.has(id);
}

/** A tag is in use while bound to an officer or to a person who has not exited. */
export function tagInUse(state: AreaState, tag: string): boolean {
  return state.tags.has(tag);
}
