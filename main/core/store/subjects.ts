// Which persons, rooms, sessions, devices and tags an event concerns, for the timeline index.
// Computed against the state before the event is applied.
import { parseSubject } from '../../../common/alarms.js';
import type { DomainEvent, EventPayloads } from '../../../common/events.js';
import type { AreaState, Room } from '../state/model.js';
import { roomFromSpec } from '../state/model.js';
import { roomOf } from '../state/areaIndex.js';

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

const sameRoom = (a: Room, b: Room): boolean => a.name === b.name && a.kind === b.kind && a.capacity === b.capacity
  && a.recordingRequired === b.recordingRequired && a.guardRequired === b.guardRequired;

/** The rooms and devices an area.update adds, changes, moves or removes. */
function areaUpdateSubjects(state: AreaState, p: EventPayloads['area.update']): string[] {
  const out: string[] = [];
  for (const spec of p.rooms ?? []) {
    const before = state.rooms.get(spec.id);
    if (!before || !sameRoom(before, roomFromSpec(spec))) out.push(`room:${spec.id}`);
  }
  for (const r of p.readers ?? []) {
    const before = state.readers.get(r.id);
    if (!before || before.room !== r.room || before.role !== r.role) out.push(`device:${r.id}`);
  }
  for (const c of p.cameras ?? []) if (state.cameras.get(c.id)?.room !== c.room) out.push(`device:${c.id}`);
  out.push(...p.removed.rooms.map((id) => `room:${id}`), ...p.removed.readers.map((id) => `device:${id}`), ...p.removed.cameras.map((id) => `device:${id}`));
  return out;
}

export function subjectsOf(state: AreaState, ev: DomainEvent): string[] {
  switch (ev.type) {
    case 'area.configure':
    case 'area.settings':
      return [];
    case 'area.update':
      return areaUpdateSubjects(state, ev.payload);
    case 'person.correct': {
      // A new wristband concerns both tags: the old one is now bound to nobody.
      const tag = ev.payload.fields.tag;
      const old = ev.payload.previous.tag;
      return [`person:${ev.payload.personId}`, ...(tag !== undefined ? [`tag:${tag}`] : []), ...(tag !== undefined && old ? [`tag:${old}`] : [])];
    }
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
    case 'evidence.export': {
      // On the timeline of the session's person and room: who exported their recording, when.
      const s = state.sessions.get(ev.payload.sessionId);
      return [`session:${ev.payload.sessionId}`, ...(s ? [`person:${s.personId}`, `room:${s.room}`] : [])];
    }
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
