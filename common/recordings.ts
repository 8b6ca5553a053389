// What the recording pages read (views) and the addresses of the station's media streams. Times
// are UTC ms. The streams are plain GET requests with the page's sign-in: in a browser to the
// station's HTTP server, in the desk window through the app:// protocol — the same relative
// address either way.
import type { Role } from './views.js';

/** Where a stretch of a camera's time line stands. */
export type GapReason =
  /** The camera said it was not recording (or was offline). */
  | 'not_recording'
  /** The record has no segment for it (e.g. the station was not running). */
  | 'missing'
  /** Retention deleted the segment (it recorded nobody, and its period had passed). */
  | 'deleted'
  /** The record has the segment, but its file is not on the disk. */
  | 'file_missing';

export type PlanPiece =
  | { readonly kind: 'recorded'; readonly from: number; readonly to: number; readonly seq: number }
  /** A segment whose file no longer has the size recorded: changed; never played. */
  | { readonly kind: 'changed'; readonly from: number; readonly to: number; readonly seq: number }
  | { readonly kind: 'gap'; readonly from: number; readonly to: number; readonly reason: GapReason }
  /** The end of the span, not yet closed into a segment (the camera is recording now). */
  | { readonly kind: 'pending'; readonly from: number; readonly to: number };

export interface CameraPlan {
  readonly camera: string;
  readonly pieces: readonly PlanPiece[];
  /** Segments recorded over the span. */
  readonly segments: number;
}

/** A room's recording over [from, to), camera by camera. */
export interface RecordingPlan {
  readonly room: string;
  readonly roomName: string;
  readonly from: number;
  readonly to: number;
  readonly cameras: readonly CameraPlan[];
}

export interface SessionFacts {
  readonly id: string; readonly room: string; readonly roomName: string; readonly personId: string; readonly personName: string;
  readonly caseNo: string | null; readonly kind: string; readonly officers: readonly { readonly id: string; readonly name: string }[];
  readonly appropriateAdults: readonly string[]; readonly startedAt: number; readonly endedAt: number | null;
}

export interface EvidenceFileView { readonly name: string; readonly bytes: number; readonly sha256: string }

export interface EvidenceExportView {
  readonly exportId: string; readonly sessionId: string; readonly at: number;
  /** The officer who exported it through the desk, or the station's system user (command line). */
  readonly by: string;
  readonly via: 'desk' | 'cli';
  readonly manifestSha256: string; readonly files: readonly EvidenceFileView[];
  /** Where the station wrote it (on the station's own disk). */
  readonly dir: string | null;
}

export interface SessionRecording {
  readonly session: SessionFacts;
  /** The session's room from its start to its end (or to now, while it runs). */
  readonly plan: RecordingPlan;
  readonly exports: readonly EvidenceExportView[];
}

/** A stretch of a person's stay in a room that must be recorded, and their sessions there. */
export interface PersonRecordingSpan {
  readonly room: string; readonly roomName: string; readonly from: number; readonly to: number;
  /** The session held in it, if the span is a session. */
  readonly session: string | null;
}

/** What the signed-in account may do with recordings (from the station's configuration). */
export interface MediaAccess {
  readonly live: boolean;
  readonly playback: boolean;
  readonly exportEvidence: boolean;
  readonly viewingLog: boolean;
}

export interface ViewingEntry {
  readonly id: number; readonly account: string; readonly name: string | null; readonly kind: 'live' | 'playback';
  readonly camera: string; readonly room: string | null; readonly roomName: string | null;
  readonly session: string | null; readonly person: string | null; readonly personName: string | null;
  readonly mediaFrom: number | null; readonly mediaTo: number | null;
  readonly startedAt: number; readonly endedAt: number | null; readonly address: string | null;
}

/** Who may export a session's recording as evidence: its operator, a supervisor, an administrator. */
export const EVIDENCE_ROLES: readonly Role[] = ['operator', 'supervisor', 'admin'];
/** The default of recording.liveViewRoles and recording.playbackRoles in the station's configuration. */
export const DEFAULT_LIVE_ROLES: readonly Role[] = ['supervisor', 'admin', 'desk'];
export const DEFAULT_PLAYBACK_ROLES: readonly Role[] = ['supervisor', 'admin'];

/** The media paths, under the API. */
export const MEDIA_PREFIX = '/api/media/';

export function liveUrl(camera: string): string {
  return `${MEDIA_PREFIX}live/${encodeURIComponent(camera)}`;
}

/** For whom a playback is opened: a session, or a person's stay. */
export type PlaybackFor = { readonly session: string } | { readonly person: string } | Record<string, never>;

export function playbackUrl(camera: string, span: { readonly from: number; readonly to: number }, at: number, purpose: PlaybackFor): string {
  const q = new URLSearchParams({ from: String(Math.floor(span.from)), to: String(Math.ceil(span.to)), at: String(Math.floor(at)) });
  if ('session' in purpose && purpose.session) q.set('session', purpose.session);
  if ('person' in purpose && purpose.person) q.set('person', purpose.person);
  return `${MEDIA_PREFIX}playback/${encodeURIComponent(camera)}?${q.toString()}`;
}

export function evidenceFileUrl(exportId: string, file: string): string {
  return `${MEDIA_PREFIX}evidence/${encodeURIComponent(exportId)}/${encodeURIComponent(file)}`;
}
