// What the desk and the dashboard read: plain JSON views built from the projections and the
// live state. Times are UTC ms.
import type { AlarmRule, Severity } from './alarms.js';
import type { LinkState } from './countyApi.js';
import type { RecordedEvent } from './events.js';
import type { Settings } from './settings.js';

import type { Basis, CorrectableField, Destination, Disposition, Gender, PersonRole, ReaderRole, RoomKind, SessionKind } from './vocab.js';

export const ROLES = ['desk', 'operator', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface SessionInfo {
  readonly account: string; readonly officerId: string; readonly name: string; readonly roles: readonly Role[];
  /** The disk was full at sign-in: the session is kept only in memory and ends when the station stops. */
  readonly memoryOnly?: boolean;
}

/** recorded: every camera online and recording; otherwise why not (no_recorder: the recording programs are missing). */
export type RecordingState = 'recorded' | 'not_recorded' | 'offline' | 'no_camera' | 'no_recorder';

export interface CameraView {
  readonly id: string; readonly room: string; readonly online: boolean | null; readonly recording: boolean | null;
  readonly statusAt: number | null; readonly lastSegmentAt: number | null;
  /** Why the recorder says what it says (English, from the recorder), when it is running. */
  readonly reason?: string | null;
  /** The station records this camera but its recording programs (ffmpeg, ffprobe) are missing. */
  readonly recorderMissing?: boolean;
}
export interface ReaderView { readonly id: string; readonly room: string | null; readonly role: ReaderRole; readonly online: boolean | null; readonly statusAt: number | null }

export interface SessionView {
  readonly id: string; readonly room: string; readonly personId: string; readonly kind: SessionKind;
  readonly officers: readonly string[]; readonly appropriateAdults: readonly string[];
  readonly startedAt: number; readonly endedAt: number | null;
  /** The operator confirmed starting although the room was not being recorded (session.start confirmedUnrecorded). */
  readonly confirmedUnrecorded: boolean;
}

export interface RoomView {
  readonly id: string; readonly name: string; readonly kind: RoomKind; readonly capacity: number | null;
  readonly recordingRequired: boolean; readonly guardRequired: boolean;
  readonly persons: readonly string[]; readonly officers: readonly string[];
  readonly recording: RecordingState; readonly cameras: readonly CameraView[]; readonly readers: readonly ReaderView[];
  readonly sessions: readonly SessionView[];
}

export type Whereabouts = { readonly kind: 'room'; readonly room: string } | { readonly kind: 'outside' } | { readonly kind: 'unknown' };

export interface PersonSummary {
  readonly id: string; readonly name: string; readonly gender: Gender; readonly role: PersonRole; readonly minor: boolean;
  readonly birthDate: string; readonly caseNo: string | null; readonly basis: Basis | null; readonly tag: string | null;
  readonly enteredAt: number; readonly limitHours: number | null; readonly deadlineAt: number | null;
  readonly whereabouts: Whereabouts; readonly status: 'in' | 'temp_exit' | 'exited';
  readonly securityChecked: boolean; readonly activeSession: string | null; readonly lastMealAt: number | null;
  readonly tempExit: { readonly at: number; readonly reason: string; readonly expectedReturnAt: number } | null;
  readonly exitedAt: number | null; readonly destination: Destination | null;
  readonly activeAlarms: number;
}

export interface OfficerView { readonly id: string; readonly name: string; readonly gender: Gender; readonly tag: string | null; readonly whereabouts: Whereabouts }

export interface AlarmView {
  readonly id: string; readonly rule: AlarmRule; readonly subject: string; readonly severity: Severity;
  readonly raisedAt: number; readonly resolvedAt: number | null;
  readonly ack: { readonly at: number; readonly by: string; readonly note: string } | null;
  /** The room the alarm concerns, when it can be told (room subjects, a session's room, a person's room at raise). */
  readonly room: string | null;
  /** Whom it concerns, as the record tells (given by the alarm lists, the overview and change notices). */
  readonly people?: AlarmPeople;
}

export interface NamedRef { readonly id: string; readonly name: string }

/**
 * The persons and officers an alarm concerns: the person it is about and their case officers; a
 * session's person and officers; for a room, the sessions in it while the alarm held and whoever
 * was in it when it was raised.
 */
export interface AlarmPeople { readonly persons: readonly NamedRef[]; readonly officers: readonly NamedRef[] }

/** A room taken out of the area by area.update: its name stays for the history that names it. */
export interface RemovedRoomView { readonly id: string; readonly name: string; readonly kind: RoomKind; readonly removedAt: number }
/** A reader or camera taken out of the area, with the room it last named. */
export interface RemovedDeviceView {
  readonly id: string; readonly kind: 'reader' | 'camera'; readonly room: string | null; readonly role: ReaderRole | null; readonly removedAt: number;
}

export interface Overview {
  readonly now: number; readonly timeZone: string; readonly example: boolean;
  readonly area: { readonly id: string; readonly name: string } | null;
  readonly settings: Settings;
  /** The rooms of the area now, in the order of its list; each with its cameras and readers. */
  readonly rooms: readonly RoomView[];
  /** Every reader of the area now, exit readers (which name no room) included. */
  readonly readers: readonly ReaderView[];
  /** What area.update took out of the area (not in `rooms` / `readers`), newest first. */
  readonly removed: { readonly rooms: readonly RemovedRoomView[]; readonly devices: readonly RemovedDeviceView[] };
  readonly persons: readonly PersonSummary[];
  readonly officers: readonly OfficerView[];
  readonly alarms: readonly AlarmView[];
  /** Critical alarms that ended before anyone acknowledged them: they stay before the desk until someone does. */
  readonly awaitingAck: readonly AlarmView[];
  readonly record: { readonly events: number; readonly headHash: string };
  /** Whether the desk has a wristband enrolment reader (发卡读卡器) configured. */
  readonly deskReader?: boolean;
  /** Wall-clock jumps no officer has acknowledged yet (时钟异常), oldest first; absent: none. */
  readonly clockJumps?: readonly ClockJumpView[];
  /** The replication link to the county platform (上级督察), when one is configured. */
  readonly county?: CountyLinkView;
}

/** How this station's record reaches the county platform (see main/host/countyPusher.ts). */
export interface CountyLinkView {
  readonly link: LinkState | { readonly state: 'connecting' };
  /** The last event the county acknowledged holding (null: not heard yet). */
  readonly ackSeq: number | null;
  /** The station's own last event. */
  readonly headSeq: number;
  /** When the link entered its state, and when the county last answered. */
  readonly since: number;
  readonly lastContactAt: number | null;
}

/** A wall-clock jump the station recorded (see main/host/stationClock.ts). */
export interface ClockJumpView {
  readonly seq: number; readonly at: number; readonly cause: 'jump' | 'start';
  readonly wallBefore: number; readonly wallAfter: number;
}

export interface SecurityCheckView { readonly seq: number; readonly at: number; readonly checkers: readonly string[]; readonly doctor: boolean; readonly findings: Readonly<Record<string, unknown>> }
export interface ItemView {
  readonly id: string; readonly name: string; readonly quantity: number; readonly features: string | null; readonly caseRelated: boolean;
  readonly locker: string | null; readonly storedAt: number; readonly disposition: Disposition | null; readonly disposedAt: number | null; readonly note: string | null;
}
export interface MovementView { readonly seq: number; readonly at: number; readonly fromRoom: string | null; readonly toRoom: string | null; readonly outside: boolean; readonly source: string }
export interface CareView { readonly seq: number; readonly at: number; readonly kind: string; readonly note: string | null }
export interface TempExitView { readonly seq: number; readonly leftAt: number; readonly reason: string; readonly approvedBy: string; readonly expectedReturnAt: number; readonly returnedAt: number | null }
export interface ExtensionView { readonly seq: number; readonly at: number; readonly limitHours: number; readonly approvedBy: string }
export interface ExitView { readonly at: number; readonly destination: Destination; readonly belongingsReturned: boolean | null; readonly approvedBy: string | null; readonly actor: string; readonly note: string | null }

/** One field put right by a correction: its value before (null: none was recorded) and after. */
export interface CorrectedFieldView { readonly field: CorrectableField; readonly from: string | null; readonly to: string }
/** One person.correct (更正): the fields it put right, why, who approved it and who recorded it. */
export interface CorrectionView {
  readonly seq: number; readonly at: number; readonly changes: readonly CorrectedFieldView[];
  readonly reason: string; readonly approvedBy: string; readonly actor: string;
}

export interface PersonDetail {
  readonly summary: PersonSummary;
  readonly idNumber: string | null; readonly officers: readonly string[]; readonly details: Readonly<Record<string, string>>;
  readonly enteredBy: string;
  readonly checks: readonly SecurityCheckView[];
  readonly items: readonly ItemView[];
  /** stored: entered into its database (入库); null when not said. */
  readonly collections: readonly { readonly item: string; readonly at: number; readonly stored: boolean | null }[];
  readonly sessions: readonly SessionView[];
  readonly care: readonly CareView[];
  readonly movements: readonly MovementView[];
  readonly tempExits: readonly TempExitView[];
  readonly extensions: readonly ExtensionView[];
  readonly exit: ExitView | null;
  readonly alarms: readonly AlarmView[];
  /** Corrections in the order recorded; the summary and the fields above hold the corrected values. */
  readonly corrections: readonly CorrectionView[];
  /** The fields corrected at least once (to mark 已更正), in the order of CORRECTABLE_FIELDS. */
  readonly corrected: readonly CorrectableField[];
}

export interface UsageForm {
  readonly person: PersonDetail;
  readonly area: { readonly id: string; readonly name: string } | null;
  readonly rooms: Readonly<Record<string, string>>;
  readonly officers: Readonly<Record<string, string>>;
  readonly headHash: string; readonly printedAt: number; readonly timeZone: string;
}

export type TimelineEntry = RecordedEvent;

export type AuditResult =
  | { readonly ok: true; readonly events: number; readonly headHash: string; readonly checkedAt: number }
  | { readonly ok: false; readonly events: number; readonly brokenSeq: number; readonly problem: string; readonly checkedAt: number };

/** Something changed in the record; the page refreshes what it shows. */
export interface ChangeNotice { readonly seq: number; readonly at: number; readonly types: readonly string[]; readonly alarms: readonly AlarmView[] }

/** One line of 《涉案人员进出办案区登记台账》. */
export interface LedgerRow {
  readonly no: number; readonly personId: string; readonly name: string; readonly gender: Gender; readonly birthDate: string;
  readonly idNumber: string | null; readonly role: PersonRole; readonly caseNo: string | null; readonly basis: Basis | null;
  readonly officers: readonly string[]; readonly enteredAt: number; readonly exitedAt: number | null;
  readonly destination: Destination | null; readonly alarms: number;
  /** The fields of this line that were corrected (已更正), in the order of CORRECTABLE_FIELDS. */
  readonly corrected: readonly CorrectableField[];
}

export type StatsPeriod = 'day' | 'week' | 'month';

/** Figures of one period (a local day, an ISO week starting Monday, or a calendar month). */
export interface StatsBucket {
  readonly start: number; readonly end: number; readonly label: string;
  readonly entries: number; readonly exits: number;
  /** Stays of the persons who left in the period. */
  readonly averageStayMinutes: number | null; readonly longestStayMinutes: number | null;
  readonly alarmsByRule: Readonly<Partial<Record<AlarmRule, number>>>;
  readonly alarmsByRoom: Readonly<Record<string, number>>;
  /** Minutes in the period during which an occupied room that must be recorded was not. */
  readonly unrecordedMinutes: number;
  readonly timeLimitBreaches: number;
}

export interface Stats { readonly period: StatsPeriod; readonly timeZone: string; readonly buckets: readonly StatsBucket[] }

export interface ServerInfo { readonly lan: boolean; readonly urls: readonly string[]; readonly fingerprint: string | null }

export interface BackupView { readonly at: number; readonly path: string; readonly events: number; readonly headHash: string; readonly verified: boolean; readonly error: string | null }

/** One answer of the header's search: a person found by name, ID number, wristband, case number or id. */
export interface SearchHit {
  readonly person: PersonSummary;
  readonly idNumber: string | null;
  readonly matched: 'name' | 'idNumber' | 'tag' | 'caseNo' | 'id' | 'documentNumber';
}

/** One person in the 交接班 summary: where they are, time left, meals, what the desk holds of theirs. */
export interface HandoverPerson {
  readonly summary: PersonSummary;
  /** Case officers (ids). */
  readonly officers: readonly string[];
  /** Stored items not yet returned, transferred or kept. */
  readonly itemsHeld: readonly { readonly name: string; readonly quantity: number; readonly locker: string | null }[];
}

/** The 交接班 summary: everything the next shift must take over, as the record stands now. */
export interface Handover {
  readonly now: number; readonly timeZone: string;
  readonly area: { readonly id: string; readonly name: string } | null;
  /** In the area or out on a temporary exit, the nearest deadline first. */
  readonly persons: readonly HandoverPerson[];
  readonly sessions: readonly SessionView[];
  /** Active alarms and the critical ones awaiting acknowledgement. */
  readonly alarms: readonly AlarmView[];
  readonly headHash: string;
}
