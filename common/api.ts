// The one API contract between the station and its pages. Every method takes one argument
// object and returns a promise; the Electron bridge and the HTTP client both implement it, and
// the server derives its routes and its role checks from the tables below.
import type { Command, CommandType } from './commands.js';
import type { DeskIdCardView, PersonPhotos } from './idCard.js';
import type { Rejection } from './rejections.js';
import type { z } from 'zod';
import type { ApiArgSchemas } from './apiArgs.js';
import type { EvidenceExportView, MediaAccess, PersonRecordingSpan, RecordingPlan, SessionRecording, ViewingEntry } from './recordings.js';
import { EVIDENCE_ROLES } from './recordings.js';
import type { EvidenceManifest } from './evidenceManifest.js';
import { SETUP_ACCESS, type SetupApiResults } from './setupApi.js';
import type {
  AlarmView, AuditResult, BackupView, ChangeNotice, Handover, LedgerRow, Overview, PersonDetail, PersonSummary, Role, SearchHit, ServerInfo,
  SessionInfo, Stats, TimelineEntry, UsageForm,
} from './views.js';

export type SubmitResponse =
  | { readonly ok: true; readonly at: number; readonly seq: number | null; readonly alarms: readonly AlarmView[] }
  | { readonly ok: false; readonly at: number; readonly rejection: Rejection };

export type AuthResult = { readonly ok: true; readonly session: SessionInfo } | { readonly ok: false; readonly message: string };

export interface AccountView { readonly account: string; readonly officerId: string; readonly name: string; readonly roles: readonly Role[]; readonly locked: boolean; readonly disabled: boolean }

/** What each method answers. Its argument is the method's schema in common/apiArgs.ts. */
export interface ApiResults extends SetupApiResults {
  /** Who is signed in on this page (null: nobody). */
  session: SessionInfo | null;
  /**
   * Whether the first administrator still has to be created; `firstRun`: the record has no area
   * yet (the wizard, or the example area's record, is offered).
   */
  setupState: { readonly needed: boolean; readonly example: boolean; readonly firstRun: boolean };
  setup: AuthResult;
  login: AuthResult;
  logout: { readonly ok: true };
  changePassword: AuthResult;

  overview: Overview;
  persons: PersonSummary[];
  person: PersonDetail | null;
  timeline: TimelineEntry[];
  alarms: AlarmView[];
  form: UsageForm | null;
  submit: SubmitResponse;
  audit: AuditResult;
  /** The last wristband shown to the desk's enrolment reader within the last minute (to bind it at entry); 409 NO_DESK_READER when there is none. */
  deskTag: { readonly tag: string; readonly at: number } | null;
  /** The desk's ID-card reader and the last card placed on it after the one the form knows (to fill 入区登记). */
  deskIdCard: DeskIdCardView;
  /** 登记照片 stored in the data folder: its SHA-256 (for person.enter's details.photoSha256) and the image. */
  registrationPhoto: { readonly sha256: string; readonly dataUrl: string };
  /** A person's photos as the record names them (checked against their hashes). */
  personPhoto: PersonPhotos;
  /** Persons by name, ID or document number, wristband, case number or id (the header's search box). */
  search: SearchHit[];
  /** The 交接班 summary as the record stands now. */
  handover: Handover;

  /** Figures per local day / week / month over [from, to). */
  stats: Stats;
  /** 《涉案人员进出办案区登记台账》 of the persons who entered in [from, to). */
  ledger: LedgerRow[];
  /** How browsers on the LAN reach the station, and the certificate fingerprint to check. */
  serverInfo: ServerInfo;
  /** A JPEG (data: URL) of what a camera sees now. */
  snapshot: { readonly camera: string; readonly at: number; readonly dataUrl: string };
  backups: BackupView[];
  backupNow: BackupView;

  accounts: AccountView[];
  saveAccount: AuthResult;

  /** What this account may do with recordings (live view, playback, export, the viewing log). */
  mediaAccess: MediaAccess;
  /** A room's recording over [from, to), camera by camera, with every gap and why. */
  recordingPlan: RecordingPlan;
  /** A session with its room's recording and the evidence exports made of it. */
  sessionRecording: SessionRecording | null;
  /** A person's stays in rooms that must be recorded, and their sessions. */
  personRecordings: PersonRecordingSpan[];
  /** 证据导出 of a finished session into the station's evidence folder (on the record). */
  exportEvidence: EvidenceExportView;
  /** The manifest of an export still on the station (its summary, shown in the app), checked against the record. */
  evidenceSummary: EvidenceManifest;
  /** 观看记录: live views and playbacks begun in [from, to), newest first. */
  viewingLog: ViewingEntry[];
}

export type ApiMethod = keyof ApiArgSchemas & keyof ApiResults;
/** Compiles only while the schemas and the results name the same methods. */
type SameMethods = [Exclude<keyof ApiArgSchemas, keyof ApiResults>, Exclude<keyof ApiResults, keyof ApiArgSchemas>] extends [never, never] ? true : false;
export const API_TABLES_AGREE: SameMethods = true;
/** A method's argument as a page sends it (the schema's input). */
export type ApiArg<K extends ApiMethod> = z.input<ApiArgSchemas[K]>;
/** A method's argument as the server's handler receives it, checked (the schema's output). */
export type ApiCheckedArg<K extends ApiMethod> = z.output<ApiArgSchemas[K]>;
export type ApiResult<K extends ApiMethod> = ApiResults[K];
/** The whole contract as functions, one argument object each. */
export type Api = { [K in ApiMethod]: (arg: ApiArg<K>) => Promise<ApiResult<K>> };

/** A command as a page sends it: the station adds time and the signed-in officer. */
export type CommandInput = Command | { type: CommandType; [field: string]: unknown };

/** Files served by GET /api/export/NAME?from=MS&to=MS to any signed-in account (downloads are logged). */
export const EXPORTS = ['ledger.csv', 'alarms.csv'] as const;

/**
 * Who may call each method; 'public' needs no sign-in, 'signed-in' any role; 'setup' and
 * 'first-run' see common/setupApi.ts (administrators, and at the station itself on the first run).
 */
export const API_ACCESS: { readonly [K in ApiMethod]: 'public' | 'signed-in' | 'setup' | 'first-run' | readonly Role[] } = {
  ...SETUP_ACCESS,
  session: 'public',
  setupState: 'public',
  setup: 'public',
  login: 'public',
  logout: 'public',
  changePassword: 'signed-in',
  overview: 'signed-in',
  persons: 'signed-in',
  person: 'signed-in',
  timeline: 'signed-in',
  alarms: 'signed-in',
  form: 'signed-in',
  submit: ['desk', 'operator', 'admin'],
  audit: ['supervisor', 'admin'],
  deskTag: ['desk', 'admin'],
  deskIdCard: ['desk', 'admin'],
  registrationPhoto: ['desk', 'admin'],
  personPhoto: 'signed-in',
  search: 'signed-in',
  handover: 'signed-in',
  stats: 'signed-in',
  ledger: 'signed-in',
  serverInfo: 'signed-in',
  snapshot: 'signed-in',
  backups: ['supervisor', 'admin'],
  backupNow: ['admin'],
  accounts: ['admin'],
  saveAccount: ['admin'],
  mediaAccess: 'signed-in',
  // The plans and sessions are what was recorded when, not pictures; who may watch or play back
  // is checked where the pictures are served (recording.liveViewRoles / playbackRoles).
  recordingPlan: 'signed-in',
  sessionRecording: 'signed-in',
  personRecordings: 'signed-in',
  exportEvidence: EVIDENCE_ROLES,
  evidenceSummary: EVIDENCE_ROLES,
  viewingLog: ['admin'],
};

export const API_METHODS = Object.keys(API_ACCESS) as ApiMethod[];

/** Which roles may issue each command (devices report through the station itself, not the API). */
export const COMMAND_ACCESS: { readonly [K in CommandType]: readonly Role[] } = {
  'area.configure': [],
  'area.settings': ['admin'],
  'area.update': ['admin'],
  'officer.register': ['admin'],
  'person.enter': ['desk', 'admin'],
  'security.check': ['desk', 'admin'],
  'belongings.store': ['desk', 'admin'],
  'info.collect': ['desk', 'admin'],
  'tag.read': [],
  'person.move': ['desk', 'operator', 'admin'],
  'session.start': ['operator', 'admin'],
  'session.join': ['operator', 'admin'],
  'session.leave': ['operator', 'admin'],
  'session.end': ['operator', 'admin'],
  'camera.status': [],
  'device.status': [],
  'care.meal': ['desk', 'operator', 'admin'],
  'care.rest': ['desk', 'operator', 'admin'],
  'person.extend': ['desk', 'admin'],
  'person.tempExit': ['desk', 'admin'],
  'person.return': ['desk', 'admin'],
  'person.exit': ['desk', 'admin'],
  'person.correct': ['desk', 'admin'],
  clock: [],
  'alarm.ack': ['desk', 'operator', 'admin'],
  'recording.segment': [],
  'storage.status': [],
  'clock.jump': [],
  'clock.adjust': [],
  'clock.ack': ['desk', 'operator', 'admin'],
  'record.restore': [],
  'evidence.export': [],
};

export function mayCall(roles: readonly Role[], method: ApiMethod): boolean {
  const rule = API_ACCESS[method];
  if (rule === 'public' || rule === 'signed-in') return true;
  // A signed-in account: the first run is over for it (someone set the station up).
  if (rule === 'first-run') return false;
  if (rule === 'setup') return roles.includes('admin');
  return roles.some((r) => rule.includes(r));
}

export function mayIssue(roles: readonly Role[], type: CommandType): boolean {
  return roles.some((r) => COMMAND_ACCESS[type].includes(r));
}

/** What a page gets to reach the station: the Electron preload and the HTTP client both satisfy it. */
export interface StationBridge {
  invoke<K extends ApiMethod>(method: K, arg: ApiArg<K>): Promise<ApiResult<K>>;
  /** Live changes; `onConnection` reports whether the live channel is up. Returns an unsubscribe. */
  subscribe(onChange: (notice: ChangeNotice) => void, onConnection?: (connected: boolean) => void): () => void;
  /**
   * Draws the desk's attention beyond the page (a window's host: flash the window, a system
   * notification) whenever what needs attention changes; called with `critical: 0` when nothing
   * does any more. A browser has no such host: the page then changes its own title.
   */
  attention?(state: DeskAttention): void;
}

/** What needs the desk's attention: unacknowledged critical alarms, the newest first. */
export interface DeskAttention {
  readonly critical: number;
  /** One line per alarm (name · person · room), for a notification's text. */
  readonly lines: readonly string[];
  /** The id of the newest unacknowledged critical alarm: a host notifies once per new id. */
  readonly newest: string | null;
}

/** A failed call: the HTTP status (or 0 when the station could not be reached) and the station's message. */
export class ApiCallError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
    this.name = 'ApiCallError';
  }
}
