// The in-memory state of one area: what the rule engine and the commands look at. It is rebuilt
// from the record by applying events in order (reducer.ts) and never changed any other way.
import type { AlarmRule, Severity } from '../../../common/alarms.js';
import {
  guardRequiredByDefault, recordingRequiredByDefault,
  type Basis, type Destination, type Disposition, type Gender, type PersonRole, type ReaderRole, type RoomKind, type SessionKind,
} from '../../../common/vocab.js';
import { DEFAULT_SETTINGS, type Settings } from '../../../common/settings.js';
import type { CommandOf } from '../../../common/commands.js';
import { emptyIndex, type AreaIndex } from './areaIndex.js';
import { noChanges, type Changes } from './changes.js';
import type { Place } from './place.js';

export interface Room {
  readonly id: string; readonly name: string; readonly kind: RoomKind; readonly capacity: number | null;
  readonly recordingRequired: boolean; readonly guardRequired: boolean;
}
/** A room as area.configure and area.update give it. */
export type RoomSpec = CommandOf<'area.configure'>['rooms'][number];

/** A room as the rules see it: flags not given follow its kind. */
export function roomFromSpec(r: RoomSpec): Room {
  return {
    id: r.id, name: r.name, kind: r.kind, capacity: r.capacity ?? null,
    recordingRequired: r.recordingRequired ?? recordingRequiredByDefault(r.kind),
    guardRequired: r.guardRequired ?? guardRequiredByDefault(r.kind),
  };
}

export interface Reader { readonly id: string; readonly room: string | null; readonly role: ReaderRole }
export interface Camera { readonly id: string; readonly room: string }
export interface Officer { readonly id: string; readonly name: string; readonly gender: Gender; readonly tag: string | null }

export interface Item {
  readonly id: string; readonly name: string; readonly quantity: number; readonly features: string | null;
  readonly caseRelated: boolean; readonly locker: string | null; readonly storedAt: number;
  disposition: Disposition | null;
}

export interface TempExit { readonly at: number; readonly reason: string; readonly approvedBy: string; readonly expectedReturnAt: number }

export interface Person {
  readonly id: string;
  /** 'person:ID', the alarm subject, made once. */
  readonly subject: string;
  // The facts of registration: person.correct may put them right (更正), so they can change.
  name: string; gender: Gender; birthDate: string; idNumber: string | null; role: PersonRole; caseNo: string | null;
  basis: Basis | null; tag: string | null;
  readonly officers: readonly string[];
  readonly enteredAt: number;
  /** The local calendar date of entry, on which minority is judged (again after a corrected birth date). */
  readonly entryDate: string;
  minor: boolean;
  /** Current legal limit in hours from entry; null when the basis has none. */
  limitHours: number | null;
  /** An extension was approved: the basis can no longer be corrected. */
  extended: boolean;
  securityChecked: boolean;
  lastMealAt: number | null;
  tempExit: TempExit | null;
  /** Set when an exit reader saw the person outside a temporary exit, until they are seen inside again. */
  leftWithoutExitAt: number | null;
  activeSession: string | null;
  items: Item[];
  exited: { at: number; destination: Destination } | null;
}

export interface Session {
  readonly id: string; readonly room: string; readonly personId: string; readonly kind: SessionKind;
  readonly startedAt: number; officers: Set<string>; appropriateAdults: string[]; endedAt: number | null;
}

/** Where someone is: in a room (its place, place.ts), outside the area, or not known (absent from the map). */
export type Whereabouts = Place | 'outside';

export interface Alarm {
  readonly id: string; readonly rule: AlarmRule; readonly subject: string; readonly severity: Severity;
  readonly raisedAt: number; resolvedAt: number | null;
  ack: { at: number; by: string; note: string } | null;
}

export interface DeviceState { online: boolean; at: number }
export interface CameraState { online: boolean; recording: boolean; at: number }

/** A wall-clock jump on the record that no officer has acknowledged yet (时钟异常). */
export interface ClockJumpState { readonly seq: number; readonly at: number; readonly cause: 'jump' | 'start'; readonly wallBefore: number; readonly wallAfter: number }

export type TagOwner = { readonly kind: 'person' | 'officer'; readonly id: string };

export interface AreaState {
  configured: boolean;
  area: { id: string; name: string } | null;
  settings: Settings;
  rooms: Map<string, Room>;
  readers: Map<string, Reader>;
  cameras: Map<string, Camera>;
  officers: Map<string, Officer>;
  persons: Map<string, Person>;
  sessions: Map<string, Session>;
  /** Tags bound now: to a person until exit, to an officer for good. */
  tags: Map<string, TagOwner>;
  /** Tags read while bound to nobody and not bound since: the unknown_tag condition. */
  unknownTags: Map<string, number>;
  presence: Map<string, Whereabouts>;
  cameraStatus: Map<string, CameraState>;
  deviceStatus: Map<string, DeviceState>;
  /** The recording disk, as last reported. */
  storage: { path: string; freeBytes: number; totalBytes: number; low: boolean; at: number } | null;
  /** Last closed segment per camera (UTC ms of its end). */
  lastSegmentAt: Map<string, number>;
  alarms: Map<string, Alarm>;
  /** Active alarm id by rule + subject. */
  activeAlarms: Map<string, string>;
  nextAlarmNo: number;
  /** Time of the last applied event; the clock never goes behind it. */
  lastAt: number;
  /** Clock jumps not yet acknowledged, oldest first. */
  clockJumps: ClockJumpState[];
  /** Who is where and which sessions run, derived from the above (areaIndex.ts). */
  index: AreaIndex;
  /** What changed since the rule engine last looked (changes.ts); not part of the area's state. */
  readonly changes: Changes;
}

export function emptyState(): AreaState {
  return {
    configured: false, area: null, settings: { ...DEFAULT_SETTINGS },
    rooms: new Map(), readers: new Map(), cameras: new Map(), officers: new Map(), persons: new Map(),
    sessions: new Map(), tags: new Map(), unknownTags: new Map(), presence: new Map(),
    cameraStatus: new Map(), deviceStatus: new Map(), storage: null, lastSegmentAt: new Map(), alarms: new Map(), activeAlarms: new Map(),
    nextAlarmNo: 1, lastAt: Number.NEGATIVE_INFINITY, clockJumps: [], index: emptyIndex(), changes: noChanges(),
  };
}

export function alarmKey(rule: AlarmRule, subject: string): string {
  return `${rule}|${subject}`;
}
