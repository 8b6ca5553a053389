// One recorded event as a line of the person's timeline, in the desk's words.
import { ALARM_LABELS, SEVERITY_LABELS } from '../../../common/alarms.js';
import { T } from '../../../common/deskText.js';
import { R } from '../../../common/recordingText.js';
import { SYSTEM_ACTOR, type RecordedEvent } from '../../../common/events.js';
import {
  BASIS_LABELS, COLLECTION_LABELS, CORRECTION_FIELD_LABELS, correctionValueLabel, DESTINATION_LABELS, EVENT_LABELS, ROLE_LABELS, SESSION_KIND_LABELS,
} from '../../../common/messages.js';
import { CORRECTABLE_FIELDS } from '../../../common/vocab.js';
import { formatDateTime, formatDateTimeSeconds } from '../../../common/zonedTime.js';
import type { Names } from '../station/names.js';

export interface TimelineLine {
  readonly title: string;
  readonly detail: string;
  readonly kind: 'alarm' | 'resolved' | 'normal';
  readonly actor: string;
}

function detailOf(ev: RecordedEvent, names: Names, timeZone: string): string {
  const officers = (ids: readonly string[]): string => ids.map((o) => names.officer(o)).join('、');
  switch (ev.type) {
    case 'area.configure': return T.timeline.configured(ev.payload.area.name);
    case 'area.settings': return T.timeline.settings;
    case 'area.update': return T.timeline.areaUpdated(ev.payload.rooms?.length ?? null, ev.payload.readers?.length ?? null, ev.payload.cameras?.length ?? null);
    case 'person.correct': {
      const p = ev.payload;
      const changes = CORRECTABLE_FIELDS.flatMap((f) => (p.fields[f] === undefined ? [] : [
        T.timeline.correctedField(CORRECTION_FIELD_LABELS[f], correctionValueLabel(f, p.previous[f]), correctionValueLabel(f, p.fields[f])),
      ]));
      return T.timeline.corrected(changes.join('；'), p.reason ?? '', names.officer(p.approvedBy));
    }
    case 'officer.register': return T.timeline.officer(ev.payload.officer.name);
    case 'person.enter': {
      const p = ev.payload.person;
      const base = T.timeline.enter(ROLE_LABELS[p.role], p.basis ? BASIS_LABELS[p.basis] : T.common.none,
        ev.payload.limitHours === null ? T.common.none : T.common.hours(ev.payload.limitHours));
      return p.tag ? `${base}；${T.timeline.tag(p.tag)}` : base;
    }
    case 'security.check': {
      const f = ev.payload.findings ?? {};
      const parts = [T.timeline.checkers(officers(ev.payload.checkers))];
      if (ev.payload.doctor) parts.push(T.timeline.doctorCheck);
      if (Array.isArray(f.injuries) && f.injuries.length > 0) parts.push(T.timeline.injuries(f.injuries.length));
      if (Array.isArray(f.dangerousItems) && f.dangerousItems.length > 0) parts.push(T.timeline.dangerous(f.dangerousItems.length));
      return parts.join('；');
    }
    case 'belongings.store': return T.timeline.items(ev.payload.items.map((i) => T.timeline.itemQty(i.name, i.quantity)).join('、'));
    case 'info.collect': return T.timeline.collected(ev.payload.items.map((i) => COLLECTION_LABELS[i] ?? i).join('、'));
    case 'tag.read': {
      const room = [...names.rooms.values()].find((r) => r.readers.some((x) => x.id === ev.payload.reader));
      return T.timeline.reader(ev.payload.reader, room?.name ?? '');
    }
    case 'person.move': return ev.payload.room ? T.timeline.moveTo(names.room(ev.payload.room)) : T.timeline.moveUnknown;
    case 'session.start': {
      const base = T.timeline.session(SESSION_KIND_LABELS[ev.payload.kind], names.room(ev.payload.room), officers(ev.payload.officers));
      return ev.payload.appropriateAdult ? `${base}；${T.timeline.adult(ev.payload.appropriateAdult)}` : base;
    }
    case 'session.join': return T.timeline.joined(ev.payload.officer ? names.officer(ev.payload.officer) : T.timeline.adult(ev.payload.appropriateAdult ?? ''));
    case 'session.leave': return T.timeline.left(names.officer(ev.payload.officer));
    case 'session.end': return T.timeline.ended(ev.payload.sessionId);
    case 'camera.status': return T.timeline.camera(ev.payload.camera, ev.payload.online, ev.payload.recording);
    case 'device.status': return T.timeline.device(ev.payload.device, ev.payload.online);
    case 'care.meal':
    case 'care.rest':
      return ev.payload.note ?? '';
    case 'person.extend': return T.timeline.extend(ev.payload.limitHours, names.officer(ev.payload.approvedBy));
    case 'person.tempExit': {
      const back = Date.parse(ev.payload.expectedReturnAt);
      return T.timeline.tempExit(ev.payload.reason, names.officer(ev.payload.approvedBy), Number.isNaN(back) ? ev.payload.expectedReturnAt : formatDateTime(back, timeZone));
    }
    case 'person.return': return '';
    case 'person.exit': {
      const d = ev.payload.dispositions;
      const kept = d.filter((x) => x.disposition !== 'returned').length;
      const items = d.length === 0 ? T.timeline.noItems : kept === 0 ? T.timeline.allReturned : T.timeline.notAllReturned(kept);
      return T.timeline.exit(DESTINATION_LABELS[ev.payload.destination], items);
    }
    case 'alarm.raised':
    case 'alarm.resolved':
      return T.timeline.alarm(ALARM_LABELS[ev.payload.rule], SEVERITY_LABELS[ev.payload.severity]);
    case 'alarm.ack': return T.timeline.ack(ev.payload.note);
    case 'recording.segment': return T.timeline.segment(ev.payload.camera, formatDateTime(ev.payload.startedAt, timeZone), formatDateTime(ev.payload.endedAt, timeZone), ev.payload.sha256.slice(0, 16));
    case 'storage.status': return T.timeline.storage(ev.payload.low, Math.round(ev.payload.freeBytes / 1024 / 1024));
    case 'clock.jump':
    case 'clock.adjust':
    case 'clock.ack':
    case 'record.restore':
      return stationDetail(ev, timeZone);
    case 'evidence.export': return R.timeline.exported(ev.payload.files.length, R.evidence.via[ev.payload.via]);
  }
}

/** The station's own reports about its clock and its record. */
function stationDetail(ev: Extract<RecordedEvent, { type: 'clock.jump' | 'clock.adjust' | 'clock.ack' | 'record.restore' }>, timeZone: string): string {
  const t = (ms: number): string => formatDateTimeSeconds(ms, timeZone);
  switch (ev.type) {
    case 'clock.jump':
      return ev.payload.cause === 'start' ? T.clock.start(t(ev.payload.wallBefore), t(ev.payload.wallAfter)) : T.clock.jump(t(ev.payload.wallBefore), t(ev.payload.wallAfter));
    case 'clock.adjust':
      return ev.payload.mode === 'step' ? T.clock.adjustStep(t(ev.payload.from), t(ev.payload.to)) : T.clock.adjustSlew(t(ev.payload.from), t(ev.payload.to));
    case 'clock.ack': return T.clock.acked(ev.payload.note ?? '');
    case 'record.restore': {
      const lost = ev.payload.witnessEvents !== undefined && ev.payload.witnessEvents > ev.payload.events ? T.clock.lost(ev.payload.witnessEvents - ev.payload.events) : '';
      return T.clock.restored(ev.payload.backup, ev.payload.events, lost);
    }
  }
}

export function timelineLine(ev: RecordedEvent, names: Names, timeZone: string): TimelineLine {
  return {
    title: EVENT_LABELS[ev.type],
    detail: detailOf(ev, names, timeZone),
    kind: ev.type === 'alarm.raised' ? 'alarm' : ev.type === 'alarm.resolved' ? 'resolved' : 'normal',
    actor: ev.actor === SYSTEM_ACTOR ? T.timeline.system : names.officer(ev.actor),
  };
}
