// Applies one recorded event to the area state. Events were validated when accepted, so nothing
// here refuses; the only judgement left is how a tag read moves its owner (tagRead.ts). Alongside,
// it keeps the index of who is where (areaIndex.ts) and marks what changed for the rule engine
// (changes.ts).
import { parseInstant } from '../../../common/dates.js';
import type { AreaRemovals, EventPayloads, RecordedEvent } from '../../../common/events.js';
import { indexArea, placeOf, recount, sessionEnded, sessionJoined, sessionLeft, sessionStarted, setWhereabouts } from './areaIndex.js';
import { alarmKey, roomFromSpec, type AreaState, type Person, type TagOwner } from './model.js';
import { tagReadEffect, type TagReadEffect } from './tagRead.js';

function mustPerson(state: AreaState, id: string): Person {
  const p = state.persons.get(id);
  if (!p) throw new Error(`record names unknown person ${id}`);
  return p;
}

/** A person whose facts or times the event changes. */
function touchPerson(state: AreaState, id: string): Person {
  const p = mustPerson(state, id);
  state.changes.persons.push(id);
  return p;
}

/** Being seen leaving (or back inside) is a fact of the person: its change is marked as one. */
function setLeftWithoutExit(state: AreaState, person: Person, at: number | null): void {
  if (person.leftWithoutExitAt === at) return;
  person.leftWithoutExitAt = at;
  state.changes.persons.push(person.id);
}

function bindTag(state: AreaState, tag: string | null, owner: TagOwner): void {
  if (tag === null) return;
  state.tags.set(tag, owner);
  if (state.unknownTags.delete(tag)) state.changes.tags.push(tag);
}

type AreaLists = EventPayloads['area.configure'];

const byId = <T extends { id: string }>(list: readonly T[]): Map<string, T> => new Map(list.map((x) => [x.id, x]));

/**
 * area.update: each list given replaces the old. A kept device keeps its status whatever room it
 * now names; a removed one is forgotten with its status (a later report of it was refused anyway).
 */
function setAreaLists(state: AreaState, p: Pick<AreaLists, 'rooms' | 'readers' | 'cameras'> | EventPayloads['area.update']): void {
  if (p.rooms) state.rooms = byId(p.rooms.map(roomFromSpec));
  if (p.readers) state.readers = byId(p.readers.map((r) => ({ id: r.id, room: r.room, role: r.role })));
  if (p.cameras) state.cameras = byId(p.cameras.map((c) => ({ id: c.id, room: c.room })));
  indexArea(state);
  state.changes.all = true;
}

function forgetDevices(state: AreaState, removed: AreaRemovals): void {
  for (const id of removed.readers) state.deviceStatus.delete(id);
  for (const id of removed.cameras) {
    state.cameraStatus.delete(id);
    state.lastSegmentAt.delete(id);
  }
}

/** person.correct: the corrected facts count from now; a new wristband unbinds the old one. */
function correctPerson(state: AreaState, p: EventPayloads['person.correct']): void {
  const person = touchPerson(state, p.personId);
  const f = p.fields;
  recount(state, person, () => {
    if (f.gender !== undefined) person.gender = f.gender;
    if (f.role !== undefined) person.role = f.role;
    if (f.caseNo !== undefined) person.caseNo = f.caseNo;
    person.minor = p.minor;
  });
  if (f.name !== undefined) person.name = f.name;
  if (f.birthDate !== undefined) person.birthDate = f.birthDate;
  if (f.idNumber !== undefined) person.idNumber = f.idNumber;
  if (f.basis !== undefined) person.basis = f.basis;
  if (f.tag !== undefined && f.tag !== person.tag) {
    if (person.tag !== null && state.tags.get(person.tag)?.id === person.id) state.tags.delete(person.tag);
    person.tag = f.tag;
    bindTag(state, f.tag, { kind: 'person', id: person.id });
  }
  person.limitHours = p.limitHours;
}

/**
 * `read`: for a tag read, what it means in `state` when the caller already worked it out (the
 * decision that recorded it, on this same state); else the reducer works it out.
 */
export function applyEvent(state: AreaState, ev: RecordedEvent, read?: TagReadEffect): void {
  state.lastAt = Math.max(state.lastAt, ev.at);
  switch (ev.type) {
    case 'area.configure': {
      const p = ev.payload;
      state.configured = true;
      state.area = { id: p.area.id, name: p.area.name };
      state.settings = { ...state.settings, ...p.settings };
      setAreaLists(state, p);
      for (const o of p.officers ?? []) {
        state.officers.set(o.id, { id: o.id, name: o.name, gender: o.gender, tag: o.tag ?? null });
        bindTag(state, o.tag ?? null, { kind: 'officer', id: o.id });
      }
      return;
    }
    case 'area.update':
      setAreaLists(state, ev.payload);
      forgetDevices(state, ev.payload.removed);
      return;
    case 'area.settings':
      state.settings = { ...state.settings, ...ev.payload.settings };
      state.changes.all = true;
      return;
    case 'officer.register': {
      const o = ev.payload.officer;
      state.officers.set(o.id, { id: o.id, name: o.name, gender: o.gender, tag: o.tag ?? null });
      bindTag(state, o.tag ?? null, { kind: 'officer', id: o.id });
      return;
    }
    case 'person.enter': {
      const p = ev.payload.person;
      state.persons.set(p.id, {
        id: p.id, subject: `person:${p.id}`, name: p.name, gender: p.gender, birthDate: p.birthDate, idNumber: p.idNumber ?? null,
        role: p.role, caseNo: p.caseNo ?? null, basis: p.basis ?? null, tag: p.tag ?? null,
        officers: p.officers ?? [], enteredAt: ev.at, entryDate: ev.payload.entryDate, minor: ev.payload.minor,
        limitHours: ev.payload.limitHours, extended: false,
        securityChecked: false, lastMealAt: null, tempExit: null, leftWithoutExitAt: null, activeSession: null,
        items: [], exited: null,
      });
      state.changes.persons.push(p.id);
      bindTag(state, p.tag ?? null, { kind: 'person', id: p.id });
      return;
    }
    case 'person.correct':
      correctPerson(state, ev.payload);
      return;
    case 'security.check':
      touchPerson(state, ev.payload.personId).securityChecked = true;
      return;
    case 'belongings.store': {
      const person = mustPerson(state, ev.payload.personId);
      ev.payload.items.forEach((it, i) => {
        person.items.push({
          id: ev.payload.itemIds[i] ?? `${person.id}-${person.items.length + 1}`, name: it.name, quantity: it.quantity,
          features: it.features ?? null, caseRelated: it.caseRelated ?? false,
          locker: it.locker ?? ev.payload.locker ?? null, storedAt: ev.at, disposition: null,
        });
      });
      return;
    }
    case 'info.collect':
    case 'care.rest':
      // On the record only; no rule looks at them.
      return;
    case 'alarm.ack': {
      const alarm = state.alarms.get(ev.payload.alarmId);
      if (alarm) alarm.ack = { at: ev.at, by: ev.actor, note: ev.payload.note };
      return;
    }
    case 'tag.read': {
      const effect = read ?? tagReadEffect(state, ev.payload.reader, ev.payload.tag);
      switch (effect.kind) {
        case 'none':
          return;
        case 'unknown':
          state.unknownTags.set(ev.payload.tag, ev.at);
          state.changes.tags.push(ev.payload.tag);
          return;
        case 'move': {
          const person = effect.person;
          setWhereabouts(state, effect.who, effect.to ?? 'outside', person);
          if (person) setLeftWithoutExit(state, person, effect.to === null ? (person.tempExit ? null : (person.leftWithoutExitAt ?? ev.at)) : null);
          return;
        }
      }
      return;
    }
    case 'person.move': {
      const { who, room } = ev.payload;
      setWhereabouts(state, who, room === null ? undefined : placeOf(state, room));
      const person = state.persons.get(who);
      if (person && room !== null) setLeftWithoutExit(state, person, null);
      return;
    }
    case 'session.start': {
      const p = ev.payload;
      const session = {
        id: p.sessionId, room: p.room, personId: p.personId, kind: p.kind, startedAt: ev.at,
        officers: new Set(p.officers), appropriateAdults: p.appropriateAdult ? [p.appropriateAdult] : [], endedAt: null,
      };
      state.sessions.set(p.sessionId, session);
      mustPerson(state, p.personId).activeSession = p.sessionId;
      sessionStarted(state, session);
      return;
    }
    case 'session.join': {
      const s = state.sessions.get(ev.payload.sessionId);
      if (!s) return;
      if (ev.payload.appropriateAdult) s.appropriateAdults.push(ev.payload.appropriateAdult);
      sessionJoined(state, s, ev.payload.officer);
      return;
    }
    case 'session.leave': {
      const s = state.sessions.get(ev.payload.sessionId);
      if (s) sessionLeft(state, s, ev.payload.officer);
      return;
    }
    case 'session.end': {
      const s = state.sessions.get(ev.payload.sessionId);
      if (!s) return;
      s.endedAt = ev.at;
      const person = state.persons.get(s.personId);
      if (person && person.activeSession === s.id) person.activeSession = null;
      sessionEnded(state, s);
      return;
    }
    case 'camera.status':
      state.cameraStatus.set(ev.payload.camera, { online: ev.payload.online, recording: ev.payload.recording, at: ev.at });
      state.changes.devices.push(ev.payload.camera);
      return;
    case 'device.status':
      state.deviceStatus.set(ev.payload.device, { online: ev.payload.online, at: ev.at });
      state.changes.devices.push(ev.payload.device);
      return;
    case 'recording.segment':
      state.lastSegmentAt.set(ev.payload.camera, Math.max(state.lastSegmentAt.get(ev.payload.camera) ?? 0, ev.payload.endedAt));
      return;
    case 'storage.status':
      state.storage = { ...ev.payload, at: ev.at };
      state.changes.storage = true;
      return;
    case 'clock.jump':
      state.clockJumps.push({ seq: ev.seq, at: ev.at, ...ev.payload });
      return;
    case 'clock.ack': {
      const upTo = ev.payload.upTo;
      state.clockJumps = state.clockJumps.filter((j) => j.seq > upTo);
      return;
    }
    case 'clock.adjust':
    case 'record.restore':
    case 'evidence.export':
      // On the record only; no rule looks at them.
      return;
    case 'care.meal':
      touchPerson(state, ev.payload.personId).lastMealAt = ev.at;
      return;
    case 'person.extend': {
      const person = touchPerson(state, ev.payload.personId);
      person.limitHours = ev.payload.limitHours;
      person.extended = true;
      return;
    }
    case 'person.tempExit': {
      const p = ev.payload;
      const person = touchPerson(state, p.personId);
      person.tempExit = { at: ev.at, reason: p.reason, approvedBy: p.approvedBy, expectedReturnAt: parseInstant(p.expectedReturnAt)?.ms ?? ev.at };
      person.leftWithoutExitAt = null;
      setWhereabouts(state, p.personId, 'outside');
      return;
    }
    case 'person.return': {
      const person = touchPerson(state, ev.payload.personId);
      person.tempExit = null;
      setWhereabouts(state, person.id, undefined);
      return;
    }
    case 'person.exit': {
      const person = touchPerson(state, ev.payload.personId);
      person.exited = { at: ev.at, destination: ev.payload.destination };
      person.tempExit = null;
      person.leftWithoutExitAt = null;
      for (const d of ev.payload.dispositions) {
        const item = person.items.find((i) => i.id === d.item);
        if (item) item.disposition = d.disposition;
      }
      if (person.tag && state.tags.get(person.tag)?.id === person.id) state.tags.delete(person.tag);
      setWhereabouts(state, person.id, undefined);
      return;
    }
    case 'alarm.raised': {
      const p = ev.payload;
      state.alarms.set(p.alarmId, { id: p.alarmId, rule: p.rule, subject: p.subject, severity: p.severity, raisedAt: ev.at, resolvedAt: null, ack: null });
      state.activeAlarms.set(alarmKey(p.rule, p.subject), p.alarmId);
      state.nextAlarmNo += 1;
      return;
    }
    case 'alarm.resolved': {
      const alarm = state.alarms.get(ev.payload.alarmId);
      if (alarm) alarm.resolvedAt = ev.at;
      state.activeAlarms.delete(alarmKey(ev.payload.rule, ev.payload.subject));
      return;
    }
  }
  const unreachable: never = ev;
  throw new Error(`unknown event ${JSON.stringify(unreachable)}`);
}
