// 办案区设置: the whole set-up of an area as the administrator's page edits it — the area model that
// the record holds (rooms, readers and cameras in their rooms, officers, rule settings) together
// with each device's connection, which the station keeps in its settings file and never in the
// record. The page sends a draft; the station dry-runs it through the core, saves it, and restarts
// only the devices whose connection changed.
import { z } from 'zod';
import { DEFAULT_SETTINGS, SETTING_NAMES, type SettingName } from './settings.js';
import { ID_CARD_DEFAULTS, ID_CARD_LIMITS, parseTransport, READER_DEFAULTS, TRANSPORT_HINT_ZH, watchdogShortfall } from './readerLink.js';
import { GENDERS, READER_PROTOCOLS, READER_ROLES, ROOM_KINDS } from './vocab.js';

const id = z.string().trim().min(1, '不能为空').max(64, '不能超过 64 个字符');
const name = z.string().trim().min(1, '不能为空').max(100, '不能超过 100 个字符');

/** How the station reaches a wristband reader (the fields of hardware/rfid/config.ts). */
export const readerConnectionSchema = z.object({
  /** A serial path (/dev/serial/by-id/…, COM3) or tcp://host:port. */
  transport: z.string().trim().min(1, '不能为空').max(300).refine((t) => parseTransport(t) !== null, TRANSPORT_HINT_ZH),
  protocol: z.enum(READER_PROTOCOLS),
  baud: z.number().int().min(300).max(4_000_000).optional(),
  rssiMin: z.number().finite().optional(),
  dedupMs: z.number().int().min(0).max(3_600_000).optional(),
  watchdogMs: z.number().int().min(100).max(3_600_000).optional(),
  pollMs: z.number().int().min(10).max(60_000).optional(),
}).strict().superRefine((c, ctx) => {
  const least = watchdogShortfall(c, READER_DEFAULTS);
  if (least !== null) ctx.addIssue({ code: 'custom', path: ['watchdogMs'], message: `须至少为轮询间隔的两倍（${least} 毫秒）` });
});
export type ReaderConnection = z.output<typeof readerConnectionSchema>;

const within = (limits: { readonly min: number; readonly max: number }) => z.number({ error: '须为整数' }).int('须为整数')
  .min(limits.min, `不能小于 ${limits.min}`).max(limits.max, `不能大于 ${limits.max}`).optional();

/**
 * How the station reaches the desk's 身份证阅读器 (SAM protocol): the fields of `idCardReader`
 * (hardware/idcard/config.ts), under the driver's own limits, so that the page refuses what the
 * driver would refuse.
 */
export const idCardConnectionSchema = z.object({
  transport: z.string().trim().min(1, '不能为空').max(300).refine((t) => parseTransport(t) !== null, TRANSPORT_HINT_ZH),
  baud: within(ID_CARD_LIMITS.baud),
  pollMs: within(ID_CARD_LIMITS.pollMs),
  watchdogMs: within(ID_CARD_LIMITS.watchdogMs),
}).strict().superRefine((c, ctx) => {
  const least = watchdogShortfall(c, ID_CARD_DEFAULTS);
  if (least !== null) ctx.addIssue({ code: 'custom', path: ['watchdogMs'], message: `须至少为轮询间隔的两倍（${least} 毫秒）` });
});
export type IdCardConnection = z.output<typeof idCardConnectionSchema>;

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
  /** The desk's 身份证阅读器 (filling 入区登记 from the card), kept in the settings file like the enrolment reader. */
  idCardReader: idCardConnectionSchema.nullable().default(null),
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
  return { area: { id: '', name: '' }, rooms: [], readers: [], cameras: [], officers: [], settings: { ...DEFAULT_SETTINGS }, deskReader: null, idCardReader: null };
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

/** A serial port a reader can be plugged into (hardware/rfid/portList.ts). */
export interface SerialPortView {
  /** What to write in the reader's transport: the by-id path when there is one. */
  readonly path: string;
  /** The device node it leads to now (/dev/ttyUSB0, COM3). */
  readonly device: string;
  /** The path survives replugging (a /dev/serial/by-id/ name, or a Windows COM name). */
  readonly stable: boolean;
  readonly manufacturer: string | null;
  readonly product: string | null;
  /** USB ids as four lower-case hex digits. */
  readonly vendorId: string | null;
  readonly productId: string | null;
  readonly serialNumber: string | null;
}

/** 读卡测试 as it stands: the link and the wristbands seen, each with whom it is bound to on the record. */
export interface ReadTestState {
  readonly id: string;
  readonly online: boolean;
  readonly reason: string;
  readonly startedAt: number;
  /** The test ended (stopped, timed out, or the station restarted). */
  readonly ended: boolean;
  readonly tags: readonly {
    readonly tag: string; readonly count: number; readonly lastAt: number; readonly rssi: number | null; readonly antenna: number | null;
    /** 'person:ID' / 'officer:ID' when bound on the record; null for a free wristband. */
    readonly owner: string | null; readonly ownerName: string | null;
  }[];
  /** 读证测试 of the desk's 身份证阅读器: the cards read, newest first — the name and the ID number's last four characters only. */
  readonly cards?: readonly { readonly name: string; readonly idTail: string; readonly at: number }[];
}

/** A camera that answered WS-Discovery on the LAN. */
export interface FoundCamera {
  readonly urn: string;
  readonly name: string | null;
  readonly hardware: string | null;
  /** The device service to probe (the first address the camera states). */
  readonly onvif: string | null;
  /** Where the answer came from. */
  readonly address: string;
}

/** What an ONVIF probe found: the device, its clock, the streams to choose from. */
export interface CameraProbeView {
  readonly manufacturer: string | null;
  readonly model: string | null;
  readonly firmware: string | null;
  readonly serialNumber: string | null;
  /** Camera clock minus the station's, in ms; null when the camera would not say. */
  readonly clockOffsetMs: number | null;
  readonly profiles: readonly {
    readonly token: string; readonly name: string; readonly video: string | null; readonly audio: string | null;
    readonly streamUri: string | null; readonly snapshotUri: string | null;
  }[];
  readonly warnings: readonly string[];
}

/** 试录像: the picture and the recording's check, or what failed in the desk's words. */
export interface CameraTestView {
  readonly ok: boolean;
  /** The failure's key (see CAMERA_TEST_FAILURES), null when it passed. */
  readonly failure: string | null;
  readonly message: string;
  /** The technical detail, without credentials. */
  readonly detail: string;
  /** A JPEG as a data: URL. */
  readonly snapshot: string | null;
  readonly recording: {
    readonly durationMs: number | null; readonly video: boolean; readonly audio: boolean; readonly videoCodec: string | null; readonly audioCodec: string | null;
  } | null;
}

/** What the page keeps of a passed test: the stream it passed with (a new password typed makes it a new stream). */
export function streamKey(c: Pick<CameraConnection, 'rtsp' | 'user' | 'pass'>): string {
  return JSON.stringify([c.rtsp.trim(), c.user ?? '', c.pass ?? '']);
}
