// An alarm's subject in the desk's words: the common wording (common/subjectText.ts) with the
// names the page knows from the overview.
import { subjectText } from '../../../common/subjectText.js';
import type { Names } from '../station/names.js';

export function describeSubject(subject: string, names: Names): string {
  return subjectText(subject, {
    person: (id) => names.persons.get(id)?.name ?? null,
    room: (id) => names.rooms.get(id)?.name ?? null,
    session: (id) => {
      for (const room of names.rooms.values()) {
        const session = room.sessions.find((x) => x.id === id);
        if (session) return { kind: session.kind, personId: session.personId };
      }
      return null;
    },
    deviceRoom: (id) => {
      for (const room of names.rooms.values()) {
        if (room.cameras.some((c) => c.id === id) || room.readers.some((r) => r.id === id)) return room.id;
      }
      return null;
    },
  });
}
