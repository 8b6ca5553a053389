import type { PersonDetail } from '../../../../common/views.js';

/** The room the person was last placed in (a returned person most often goes back there). */
export function lastRoom(person: PersonDetail, except: string | null = null): string | null {
  return [...person.movements].reverse().find((m) => m.toRoom !== null && m.toRoom !== except)?.toRoom ?? null;
}
