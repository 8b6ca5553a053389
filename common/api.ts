// The one API contract between the station and its pages. Every method takes one argument
// object and returns a promise; the Electron bridge and the HTTP client both implement it, and
// the server derives its routes and its role checks from the tables below.
import type { Command, CommandType } from './commands.js';
import type { Rejection } from './rejections.js';
import type { AlarmRule } from './alarms.js';
import type { Gender } from './vocab.js';
import type { EvidenceExportView, MediaAccess, PersonRecordingSpan, RecordingPlan, SessionRecording, ViewingEntry } from './recordings.js';
import { EVIDENCE_ROLES } from './recordings.js';
import type { EvidenceManifest } from './evidenceManifest.js';
import type {
  AlarmView, AuditResult, BackupView, ChangeNotice, LedgerRow, Overview, PersonDetail, PersonSummary, Role, ServerInfo, SessionInfo,
  Stats, StatsPeriod, TimelineEntry, UsageForm,
} from './views.js';

export type SubmitResponse =
  | { readonly ok: true; readonly at: number; readonly seq: number | null; readonly alarms: readonly AlarmView[] }
  | { readonly ok: false; readonly at: number; readonly rejection: Rejection };

export type AuthResult = { readonly ok: true; readonly session: SessionInfo } | { readonly ok: false; readonly message: string };

export interface AccountView { readonly account: string; readonly officerId: string; readonly name: string; readonly roles: readonly Role[]; readonly locked: boolean; readonly disabled: boolean }

export interface Api {
  /** Who is signed in on this page (null: nobody). */
  session(arg: Record<string, never>): Promise<SessionInfo | null>;
  /** Whether the first administrator still has to be created. */
  setupState(arg: Record<string, never>): Promise<{ readonly needed: boolean; readonly example: boolean }>;
  setup(arg: { officerId: string; name: string; gender: Gender; password: string }): Promise<AuthResult>;
  login(arg: { account: string; password: string }): Promise<AuthResult>;
  logout(arg: Record<string, never>): Promise<{ readonly ok: true }>;
  changePassword(arg: { oldPassword: string; newPassword: string }): Promise<AuthResult>;

  overview(arg: Record<string, never>): Promise<Overview>;
  /** `from`/`to` bound the entry time; `exitedFrom`/`exitedTo` the exit time (the persons behind a stay figure). */
  persons(arg: { status?: 'in' | 'exited' | 'all'; text?: string; from?: number; to?: number; exitedFrom?: number; exitedTo?: number; limit?: number }): Promise<PersonSummary[]>;
  person(arg: { id: string }): Promise<PersonDetail | null>;
  timeline(arg: { id: string }): Promise<TimelineEntry[]>;
  alarms(arg: { active?: boolean; rule?: AlarmRule; room?: string; from?: number; to?: number; limit?: number }): Promise<AlarmView[]>;
  form(arg: { id: string }): Promise<UsageForm | null>;
  submit(arg: { command: CommandInput }): Promise<SubmitResponse>;
  audit(arg: Record<string, never>): Promise<AuditResult>;
  /** The last wristband shown to the desk's enrolment reader within the last minute (to bind it at entry). */
  deskTag(arg: Record<string, never>): Promise<{ readonly tag: string; readonly at: number } | null>;

  /** Figures per local day / week / month over [from, to). */
  stats(arg: { period: StatsPeriod; from: number; to: number }): Promise<Stats>;
  /** 《涉案人员进出办案区登记台账》 of the persons who entered in [from, to). */
  ledger(arg: { from: number; to: number }): Promise<LedgerRow[]>;
  /** How browsers on the LAN reach the station, and the certificate fingerprint to check. */
  serverInfo(arg: Record<string, never>): Promise<ServerInfo>;
  /** A JPEG (data: URL) of what a camera sees now. */
  snapshot(arg: { camera: string }): Promise<{ readonly camera: string; readonly at: number; readonly dataUrl: string }>;
  backups(arg: Record<string, never>): Promise<BackupView[]>;
  backupNow(arg: Record<string, never>): Promise<BackupView>;

  accounts(arg: Record<string, never>): Promise<AccountView[]>;
  saveAccount(arg: { account: string; officerId: string; roles: Role[]; password?: string; disabled?: boolean }): Promise<AuthResult>;

  /** What this account may do with recordings (live view, playback, export, the viewing log). */
  mediaAccess(arg: Record<string, never>): Promise<MediaAccess>;
  /** A room's recording over [from, to), camera by camera, with every gap and why. */
  recordingPlan(arg: { room: string; from: number; to: number }): Promise<RecordingPlan>;
  /** A session with its room's recording and the evidence exports made of it. */
  sessionRecording(arg: { id: string }): Promise<SessionRecording | null>;
  /** A person's stays in rooms that must be recorded, and their sessions. */
  personRecordings(arg: { id: string }): Promise<PersonRecordingSpan[]>;
  /** 证据导出 of a finished session into the station's evidence folder (on the record). */
  exportEvidence(arg: { sessionId: string }): Promise<EvidenceExportView>;
  /** The manifest of an export still on the station (its summary, shown in the app), checked against the record. */
  evidenceSummary(arg: { exportId: string }): Promise<EvidenceManifest>;
  /** 观看记录: live views and playbacks begun in [from, to), newest first. */
  viewingLog(arg: { from: number; to: number; limit?: number }): Promise<ViewingEntry[]>;
}

export type ApiMethod = keyof Api;
export type ApiArg<K extends ApiMethod> = Parameters<Api[K]>[0];
export type ApiResult<K extends ApiMethod> = Awaited<ReturnType<Api[K]>>;

/** A command as a page sends it: the station adds time and the signed-in officer. */
export type CommandInput = Command | { type: CommandType; [field: string]: unknown };

/** Files served by GET /api/export/NAME?from=MS&to=MS to any signed-in account (downloads are logged). */
export const EXPORTS = ['ledger.csv', 'alarms.csv'] as const;

/** Who may call each method; 'public' needs no sign-in, 'signed-in' any role. */
export const API_ACCESS: { readonly [K in ApiMethod]: 'public' | 'signed-in' | readonly Role[] } = {
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
}

/** A failed call: the HTTP status (or 0 when the station could not be reached) and the station's message. */
export class ApiCallError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
    this.name = 'ApiCallError';
  }
}
