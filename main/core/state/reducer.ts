// Applies one recorded event to the area state. Events were validated when accepted, so nothing
// here refuses; the only judgement left is how a tag read moves its owner (tagRead.ts).
import { guardRequiredByDefault, recordingRequiredByDefault } from '../../../common/vocab.js';
import { parseInstant } from '../../../common/dates.js';
import type { RecordedEvent } from '../../../common/events.js';
import { alarmKey, type AreaState, type Person } from './model.js';
import { tagReadEffect } from './tagRead.js';

function mustPerson(state: AreaState, id: string): Person {
  const p = state.persons.get(id);
  if (!p) throw new Error(`record names unknown person ${id}`);
  return p;
}

function bindOfficerTag(state: AreaState, id: string, tag: string | null): void {
  if (tag === null) return;
  state.tags.set(tag, { kind: 'officer', id });
  state.unknownTags.delete(tag);
}

export function applyEvent(state: AreaState, ev: RecordedEvent): void {
  state.lastAt = Math.max(state.lastAt, ev.at);
  switch (ev.type) {
    case 'area.configure': {
      const p = ev.payload;
      state.configured = true;
      state.area = { id: p.area.id, name: p.area.name };
      state.settings = { ...state.settings, ...p.settings };
      for (const r of p.rooms) {
        state.rooms.set(r.id, {
          id: r.id, name: r.name, kind: r.kind, capacity: r.capacity ?? null,
          recordingRequired: r.recordingRequired ?? recordingRequiredByDefault(r.kind),
          guardRequired: r.guardRequired ?? guardRequiredByDefault(r.kind),
        });
      }
      for (const r of p.readers ?? []) state.readers.set(r.id, { id: r.id, room: r.room, role: r.role });
      for (const c of p.cameras ?? []) state.cameras.set(c.id, { id: c.id, room: c.room });
      for (const o of p.officers ?? []) {
        state.officers.set(o.id, { id: o.id, name: o.name, gender: o.gender, tag: o.tag ?? null });
        bindOfficerTag(state, o.id, o.tag ?? null);
      }
      return;
    }
    case 'area.settings':
      state.settings = { ...state.settings, ...ev.payload.settings };
      return;
    case 'officer.register': {
      const o = ev.payload.officer;
      state.officers.set(o.id, { id: o.id, name: o.name, gender: o.gender, tag: o.tag ?? null });
      bindOfficerTag(state, o.id, o.tag ?? null);
      return;
    }
    case 'person.enter': {
      const p = ev.payload.person;
      state.persons.set(p.id, {
        id: p.id, subject: `person:${p.id}`, name: p.name, gender: p.gender, birthDate: p.birthDate, idNumber: p.idNumber ?? null,
        role: p.role, caseNo: p.caseNo ?? null, basis: p.basis ?? null, tag: p.tag ?? null,
        officers: p.officers ?? [], enteredAt: ev.at, minor: ev.payload.minor, limitHours: ev.payload.limitHours,
        securityChecked: false, lastMealAt: null, tempExit: null, leftWithoutExitAt: null, activeSession: null,
        items: [], exited: null,
      });
      if (p.tag) {
        state.tags.set(p.tag, { kind: 'person', id: p.id });
        state.unknownTags.delete(p.tag);
      }
      return;
    }
    case 'security.check':
      mustPerson(state, ev.payload.personId).securityChecked = true;
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
      const effect = tagReadEffect(state, ev.payload.reader, ev.payload.tag);
      switch (effect.kind) {
        case 'none':
          return;
        case 'unknown':
          state.unknownTags.set(ev.payload.tag, ev.at);
          return;
        case 'move':
          state.presence.set(effect.who, effect.to === null ? 'outside' : { room: effect.to });
          if (effect.person) {
            const person = mustPerson(state, effect.who);
            person.leftWithoutExitAt = effect.to === null ? (person.tempExit ? null : (person.leftWithoutExitAt ?? ev.at)) : null;
          }
          return;
      }
      return;
    }
    case 'person.move': {
      const { who, room } = ev.payload;
      if (room === null) state.presence.delete(who);
      else state.presence.set(who, { room });
      const person = state.persons.get(who);
      if (person && room !== null) person.leftWithoutExitAt = null;
      return;
    }
    case 'session.start': {
      const p = ev.payload;
      state.sessions.set(p.sessionId, {
        id: p.sessionId, room: p.room, personId: p.personId, kind: p.kind, startedAt: ev.at,
        officers: new Set(p.officers), appropriateAdults: p.appropriateAdult ? [p.appropriateAdult] : [], endedAt: null,
      });
      mustPerson(state, p.personId).activeSession = p.sessionId;
      return;
    }
    case 'session.join': {
      const s = state.sessions.get(ev.payload.sessionId);
      if (!s) return;
      if (ev.payload.officer) s.officers.add(ev.payload.officer);
      if (ev.payload.appropriateAdult) s.appropriateAdults.push(ev.payload.appropriateAdult);
      return;
    }
    case 'session.leave':
      state.sessions.get(ev.payload.sessionId)?.officers.delete(ev.payload.officer);
      return;
    case 'session.end': {
      const s = state.sessions.get(ev.payload.sessionId);
      if (!s) return;
      s.endedAt = ev.at;
      const person = state.persons.get(s.personId);
      if (person && person.activeSession === s.id) person.activeSession = null;
      return;
    }
    case 'camera.status':
      state.cameraStatus.set(ev.payload.camera, { online: ev.payload.online, recording: ev.payload.recording, at: ev.at });
      return;
    case 'device.status':
      state.deviceStatus.set(ev.payload.device, { online: ev.payload.online, at: ev.at });
      return;
    case 'recording.segment':
      state.lastSegmentAt.set(ev.payload.camera, Math.max(state.lastSegmentAt.get(ev.payload.camera) ?? 0, ev.payload.endedAt));
      return;
    case 'storage.status':
      state.storage = { ...ev.payload, at: ev.at };
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
      // On the record only; no rule looks at them.
      return;
    case 'care.meal':
      mustPerson(state, ev.payload.personId).lastMealAt = ev.at;
      return;
    case 'person.extend':
      mustPerson(state, ev.payload.personId).limitHours = ev.payload.limitHours;
      return;
    case 'person.tempExit': {
      const p = ev.payload;
      const person = mustPerson(state, p.personId);
      person.tempExit = { at: ev.at, reason: p.reason, approvedBy: p.approvedBy, expectedReturnAt: parseInstant(p.expectedReturnAt)?.ms ?? ev.at };
      person.leftWithoutExitAt = null;
      state.presence.set(p.personId, 'outside');
      return;
    }
    case 'person.return': {
      const person = mustPerson(state, ev.payload.personId);
      person.tempExit = null;
      state.presence.delete(person.id);
      return;
    }
    case 'person.exit': {
      const person = mustPerson(state, ev.payload.personId);
      person.exited = { at: ev.at, destination: ev.payload.destination };
      person.tempExit = null;
      person.leftWithoutExitAt = null;
      for (const d of ev.payload.dispositions) {
        const item = person.items.find((i) => i.id === d.item);
        if (item) item.disposition = d.disposition;
      }
      if (person.tag && state.tags.get(person.tag)?.id === person.id) state.tags.delete(person.tag);
      state.presence.delete(person.id);
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
