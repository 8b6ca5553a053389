// 办案区设置: the whole set-up of an area as the administrator's page edits it — the area model that
// the record holds (rooms, readers and cameras in their rooms, officers, rule settings) together
// with each device's connection, which the station keeps in its settings file and never in the
// record. The page sends a draft; the station dry-runs it through the core, saves it, and restarts
// only the devices whose connection changed.
import { z } from 'zod';
import { DEFAULT_SETTINGS, SETTING_NAMES, type SettingName } from './settings.js';
import { GENDERS, READER_PROTOCOLS, READER_ROLES, ROOM_KINDS } from './vocab.js';

const id = z.string().trim().min(1, '不能为空').max(64, '不能超过 64 个字符');
const name = z.string().trim().min(1, '不能为空').max(100, '不能超过 100 个字符');

/** How the station reaches a wristband reader (the fields of hardware/rfid/config.ts). */
export const readerConnectionSchema = z.object({
  /** A serial path (/dev/serial/by-id/…, COM3) or tcp://host:port. */
  transport: z.string().trim().min(1, '不能为空').max(300),
  protocol: z.enum(READER_PROTOCOLS),
  baud: z.number().int().min(300).max(4_000_000).optional(),
  rssiMin: z.number().finite().optional(),
  dedupMs: z.number().int().min(0).max(3_600_000).optional(),
  watchdogMs: z.number().int().min(100).max(3_600_000).optional(),
  pollMs: z.number().int().min(10).max(60_000).optional(),
}).strict();
export type ReaderConnection = z.output<typeof readerConnectionSchema>;

/**
 * How the station reaches a camera. The password is write-only: the station never sends it back
 * (`passSet` says whether one is kept); a draft without `pass` keeps the kept one.
 */
export const cameraConnectionSchema = z.object({
  /** The stream to record, without credentials (rtsp://10.0.0.21:554/Streaming/Channels/101). */
  rtsp: z.string().trim().regex(/^rtsps?:\/\/[^/\s]+/, '须为 rtsp:// 地址').max(1000),
  /** The camera's ONVIF device service, when it has one. */
  onvif: z.string().trim().regex(/^https?:\/\/[^/\s]+/, '须为 http:// 地址').max(1000).nullable().default(null),
  /** The camera's account, for the stream and ONVIF alike. */
  user: z.string().max(200).nullable().default(null),
  pass: z.string().max(200).optional(),
  /** Read-only: a password is kept for this camera. */
  passSet: z.boolean().optional(),
  /** The ONVIF media profile the stream was taken from. */
  profile: z.string().max(200).nullable().default(null),
}).strict();
export type CameraConnection = z.output<typeof cameraConnectionSchema>;

export const setupRoomSchema = z.object({
  id, name, kind: z.enum(ROOM_KINDS), capacity: z.number().int().positive().nullable(),
  recordingRequired: z.boolean(), guardRequired: z.boolean(),
}).strict();
export const setupReaderSchema = z.object({
  id, room: id.nullable(), role: z.enum(READER_ROLES), connection: readerConnectionSchema.nullable(),
}).strict();
export const setupCameraSchema = z.object({ id, room: id, connection: cameraConnectionSchema.nullable() }).strict();
export const setupOfficerSchema = z.object({ id, name, gender: z.enum(GENDERS), tag: id.nullable() }).strict();

const settingsShape = Object.fromEntries(SETTING_NAMES.map((k) => [k, z.number().positive('须为正数').finite()])) as Record<SettingName, z.ZodNumber>;

export const areaDraftSchema = z.object({
  area: z.object({ id, name }).strict(),
  rooms: z.array(setupRoomSchema).max(500),
  readers: z.array(setupReaderSchema).max(500),
  cameras: z.array(setupCameraSchema).max(500),
  officers: z.array(setupOfficerSchema).max(5000),
  settings: z.object(settingsShape).strict(),
  /** The desk's enrolment reader (binding wristbands at entry), in no room. */
  deskReader: readerConnectionSchema.nullable(),
}).strict();

export type SetupRoom = z.output<typeof setupRoomSchema>;
export type SetupReader = z.output<typeof setupReaderSchema>;
export type SetupCamera = z.output<typeof setupCameraSchema>;
export type SetupOfficer = z.output<typeof setupOfficerSchema>;
/** The set-up as the page edits it and sends it. */
export type AreaDraft = z.output<typeof areaDraftSchema>;
export type AreaDraftInput = z.input<typeof areaDraftSchema>;

/** A draft of nothing yet: the first run's starting point. */
export function emptyDraft(): AreaDraft {
  return { area: { id: '', name: '' }, rooms: [], readers: [], cameras: [], officers: [], settings: { ...DEFAULT_SETTINGS }, deskReader: null };
}

/** What the page shows and edits: the set-up as it stands. */
export interface AreaSetupView {
  /** The record holds an area (false: the first run, which ends with area.configure). */
  readonly configured: boolean;
  /** The record is the example area's (demo/). */
  readonly example: boolean;
  readonly draft: AreaDraft;
  /** Officers on the record: kept as they are (the record has no command to change one). */
  readonly registeredOfficers: readonly string[];
  /** Persons and officers present per room now: such a room cannot be removed. */
  readonly present: Readonly<Record<string, number>>;
  /** Rooms with an active questioning session. */
  readonly inSession: readonly string[];
  /** The settings file the connections are kept in. */
  readonly settingsFile: string;
}

/** A refusal placed at the draft's field (rooms, readers.2.room, cameras.0.connection, officers.1.tag, settings…). */
export interface DraftProblem { readonly field: string; readonly message: string }

/** What saving the draft would do, decided by the core's own rules without recording anything. */
export interface AreaPreview {
  /** Nothing differs from what is saved. */
  readonly unchanged: boolean;
  /** The core's refusal (or the station's, for a device), at its field; null when it would be accepted. */
  readonly problem: DraftProblem | null;
  /** What the change does, one line each, in the desk's words. */
  readonly effects: readonly string[];
  /** Consequences someone must know before saving (an interrogation room without a camera…). */
  readonly warnings: readonly string[];
  /** Devices whose connection is restarted by the save; the others keep reading and recording. */
  readonly restarts: readonly string[];
}

export type AreaSaveResult =
  | { readonly ok: true; readonly preview: AreaPreview }
  | { readonly ok: false; readonly problem: DraftProblem };
