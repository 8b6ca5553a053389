// An alarm's subject (person:P1, room:R1, session:S1, device:D1, tag:T1) in the desk's words.
import { parseSubject } from '../../../common/alarms.js';
import { T } from '../../../common/deskText.js';
import { SESSION_KIND_LABELS } from '../../../common/messages.js';
import type { Names } from '../station/names.js';

export function describeSubject(subject: string, names: Names): string {
  const s = parseSubject(subject);
  if (!s) return subject;
  switch (s.kind) {
    case 'person': return names.person(s.id);
    case 'room': return names.room(s.id);
    case 'session': {
      for (const room of names.rooms.values()) {
        const session = room.sessions.find((x) => x.id === s.id);
        if (session) return T.subject.session(SESSION_KIND_LABELS[session.kind], names.person(session.personId));
      }
      return T.subject.sessionId(s.id);
    }
    case 'device': {
      for (const room of names.rooms.values()) {
        if (room.cameras.some((c) => c.id === s.id) || room.readers.some((r) => r.id === s.id)) return T.subject.device(s.id, room.name);
      }
      return T.subject.device(s.id, '');
    }
    case 'tag': return T.subject.tag(s.id);
  }
}
