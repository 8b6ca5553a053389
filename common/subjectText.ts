// An alarm's subject (person:P1, room:R1, session:S1, device:D1, tag:T1) in words, the same on the
// desk, the dashboard, the printed report and the CSV download. Each side supplies the names it
// knows; an id without a known name is shown as it is.
import { parseSubject, STORAGE_DEVICE } from './alarms.js';
import { T } from './deskText.js';
import { SESSION_KIND_LABELS } from './messages.js';
import type { SessionKind } from './vocab.js';

export interface SubjectNames {
  person(id: string): string | null;
  room(id: string): string | null;
  session(id: string): { readonly kind: SessionKind; readonly personId: string } | null;
  /** The room a camera or reader is in. */
  deviceRoom(id: string): string | null;
}

export function subjectText(subject: string, names: SubjectNames): string {
  const s = parseSubject(subject);
  if (!s) return subject;
  const person = (id: string): string => {
    const name = names.person(id);
    return name === null ? id : T.subject.person(name, id);
  };
  switch (s.kind) {
    case 'person': return person(s.id);
    case 'room': return names.room(s.id) ?? s.id;
    case 'session': {
      const session = names.session(s.id);
      return session ? T.subject.session(SESSION_KIND_LABELS[session.kind], person(session.personId)) : T.subject.sessionId(s.id);
    }
    case 'device': {
      if (s.id === STORAGE_DEVICE) return T.subject.storage;
      const room = names.deviceRoom(s.id);
      return T.subject.device(s.id, room === null ? '' : (names.room(room) ?? room));
    }
    case 'tag': return T.subject.tag(s.id);
  }
}
