// Which persons, rooms, sessions, devices and tags an event concerns, for the timeline index.
// Computed against the state before the event is applied.
import { parseSubject } from '../../../common/alarms.js';
import type { DomainEvent } from '../../../common/events.js';
import type { AreaState } from '../state/model.js';
import { roomOf } from '../state/model.js';

function whoSubject(state: AreaState, id: string): string {
  return state.officers.has(id) ? `officer:${id}` : `person:${id}`;
}

function personsInRoom(state: AreaState, room: string): string[] {
  const out: string[] = [];
  for (const p of state.persons.values()) if (p.exited === null && roomOf(state, p.id) === room) out.push(`person:${p.id}`);
  return out;
}

function alarmSubjects(state: AreaState, subject: string): string[] {
  const parsed = parseSubject(subject);
  if (!parsed) return [subject];
  switch (parsed.kind) {
    case 'room': return [subject, ...personsInRoom(state, parsed.id)];
    case 'session': {
      const s = state.sessions.get(parsed.id);
      return s ? [subject, `person:${s.personId}`, `room:${s.room}`] : [subject];
    }
    case 'person':
    case 'device':
    case 'tag':
      return [subject];
  }
}

export function subjectsOf(state: AreaState, ev: DomainEvent): string[] {
  switch (ev.type) {
    case 'area.configure':
    case 'area.settings':
      return [];
    case 'officer.register':
      return [`officer:${ev.payload.officer.id}`];
    case 'person.enter':
      return [`person:${ev.payload.person.id}`];
    case 'security.check':
    case 'belongings.store':
    case 'info.collect':
    case 'care.meal':
    case 'care.rest':
    case 'person.extend':
    case 'person.tempExit':
    case 'person.return':
    case 'person.exit':
      return [`person:${ev.payload.personId}`];
    case 'tag.read': {
      const owner = state.tags.get(ev.payload.tag);
      const room = state.readers.get(ev.payload.reader)?.room;
      return [
        `tag:${ev.payload.tag}`, `device:${ev.payload.reader}`,
        ...(owner ? [owner.kind === 'person' ? `person:${owner.id}` : `officer:${owner.id}`] : []),
        ...(room ? [`room:${room}`] : []),
      ];
    }
    case 'person.move':
      return [whoSubject(state, ev.payload.who), ...(ev.payload.room ? [`room:${ev.payload.room}`] : [])];
    case 'session.start':
      return [`session:${ev.payload.sessionId}`, `person:${ev.payload.personId}`, `room:${ev.payload.room}`];
    case 'session.join':
    case 'session.leave':
    case 'session.end': {
      const s = state.sessions.get(ev.payload.sessionId);
      return [`session:${ev.payload.sessionId}`, ...(s ? [`person:${s.personId}`, `room:${s.room}`] : [])];
    }
    case 'camera.status': {
      const cam = state.cameras.get(ev.payload.camera);
      return [`device:${ev.payload.camera}`, ...(cam ? [`room:${cam.room}`] : [])];
    }
    case 'device.status':
      return [`device:${ev.payload.device}`];
    case 'storage.status':
      return ['device:storage'];
    case 'clock.jump':
    case 'clock.adjust':
    case 'clock.ack':
      return ['device:clock'];
    case 'record.restore':
      return ['device:record'];
    case 'recording.segment': {
      // The room's segment concerns whoever occupied the room while it was recorded.
      const room = state.cameras.get(ev.payload.camera)?.room;
      return [`device:${ev.payload.camera}`, ...(room ? [`room:${room}`] : [])];
    }
    case 'alarm.raised':
    case 'alarm.resolved':
      return alarmSubjects(state, ev.payload.subject);
    case 'alarm.ack': {
      const alarm = state.alarms.get(ev.payload.alarmId);
      return alarm ? alarmSubjects(state, alarm.subject) : [];
    }
  }
}
