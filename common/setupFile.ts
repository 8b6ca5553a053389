// The set-up as a file: the configuration file's `area` (README 配置), which is the area.configure
// command with each reader's and camera's connection written on its entry. It is what `--config`
// imports on the first start, what the page exports and imports; one reading of it for all three.
import { z } from 'zod';
import {
  areaDraftSchema, idCardConnectionSchema, readerConnectionSchema, type AreaDraft, type CameraConnection, type IdCardConnection, type ReaderConnection,
} from './areaSetup.js';
import { DEFAULT_SETTINGS, SETTING_NAMES } from './settings.js';
import { guardRequiredByDefault, recordingRequiredByDefault, ROOM_KINDS } from './vocab.js';

/** A camera's connection on its entry: `rtsp` (credentials in it are taken out), `user`/`pass`, `onvif` as an address or {url,user,pass}. */
const cameraEntrySchema = z.object({
  rtsp: z.string().regex(/^rtsps?:\/\//, '须为 rtsp:// 地址').optional(),
  onvif: z.union([
    z.string().regex(/^https?:\/\//, '须为 http:// 地址'),
    z.object({ url: z.string().regex(/^https?:\/\//, '须为 http:// 地址'), user: z.string().optional(), pass: z.string().optional() }),
  ]).optional(),
  user: z.string().optional(),
  pass: z.string().optional(),
  profile: z.string().optional(),
}).loose();

const READER_FIELDS = ['transport', 'protocol', 'baud', 'rssiMin', 'dedupMs', 'watchdogMs', 'pollMs'] as const;

/** A camera's connection with its password, as a file or the settings file holds it. */
export interface CameraSecretConnection {
  readonly rtsp: string;
  readonly onvif: string | null;
  readonly user: string | null;
  readonly pass: string | null;
  readonly profile: string | null;
}

export class SetupFileError extends Error {
  override name = 'SetupFileError';
}

function entries(area: Record<string, unknown>, list: 'readers' | 'cameras'): Record<string, unknown>[] {
  const v = area[list];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new SetupFileError(`area.${list} 须为列表`);
  return v.map((e, i) => {
    if (!e || typeof e !== 'object' || Array.isArray(e)) throw new SetupFileError(`area.${list}.${i} 须为对象`);
    return e as Record<string, unknown>;
  });
}

const nameOf = (e: Record<string, unknown>, i: number): string => (typeof e.id === 'string' && e.id ? e.id : `#${i + 1}`);

const issueText = (issue: z.core.$ZodIssue | undefined): string => `${issue?.path.join('.') || ''} ${issue?.message ?? ''}`.trim();

/** A reader entry's connection, or null for a reader placed by hand (no transport). */
export function readerConnectionOf(entry: Record<string, unknown>, where: string): ReaderConnection | null {
  if (entry.transport === undefined) return null;
  const picked = Object.fromEntries(READER_FIELDS.filter((k) => entry[k] !== undefined).map((k) => [k, entry[k]]));
  const r = readerConnectionSchema.safeParse(picked);
  if (!r.success) throw new SetupFileError(`${where}：${issueText(r.error.issues[0])}`);
  return r.data;
}

/** The desk's ID-card reader (`idCardReader` of a file or the settings file), or null when there is none. */
export function idCardConnectionOf(raw: unknown, where: string): IdCardConnection | null {
  if (raw === undefined || raw === null) return null;
  const r = idCardConnectionSchema.safeParse(raw);
  if (!r.success) throw new SetupFileError(`${where}：${issueText(r.error.issues[0])}`);
  return r.data;
}

/** A camera entry's connection (credentials out of the URL), or null for a camera without a stream. */
export function cameraConnectionOf(entry: Record<string, unknown>, where: string): CameraSecretConnection | null {
  const r = cameraEntrySchema.safeParse(entry);
  if (!r.success) throw new SetupFileError(`${where}：${issueText(r.error.issues[0])}`);
  const c = r.data;
  if (c.rtsp === undefined) return null;
  const onvif = typeof c.onvif === 'string' ? { url: c.onvif } : c.onvif;
  let rtsp = c.rtsp;
  let urlUser: string | undefined;
  let urlPass: string | undefined;
  try {
    const url = new URL(c.rtsp);
    urlUser = url.username ? decodeURIComponent(url.username) : undefined;
    urlPass = url.password ? decodeURIComponent(url.password) : undefined;
    url.username = '';
    url.password = '';
    rtsp = url.toString();
  } catch {
    throw new SetupFileError(`${where}：rtsp 不是有效的地址`);
  }
  const user = c.user ?? urlUser ?? onvif?.user ?? null;
  const pass = user === null ? null : c.pass ?? urlPass ?? onvif?.pass ?? null;
  return { rtsp, onvif: onvif?.url ?? null, user, pass, profile: c.profile ?? null };
}

/** Every device connection written on a file's area entries, by device id. */
export function connectionsOfArea(area: Record<string, unknown>): { readers: Record<string, ReaderConnection>; cameras: Record<string, CameraSecretConnection> } {
  const readers: Record<string, ReaderConnection> = {};
  const cameras: Record<string, CameraSecretConnection> = {};
  entries(area, 'readers').forEach((e, i) => {
    const c = readerConnectionOf(e, `读卡器 ${nameOf(e, i)}`);
    if (c) readers[nameOf(e, i)] = c;
  });
  entries(area, 'cameras').forEach((e, i) => {
    const c = cameraConnectionOf(e, `摄像机 ${nameOf(e, i)}`);
    if (c) cameras[nameOf(e, i)] = c;
  });
  return { readers, cameras };
}

/** A camera connection for the page's draft: a password in the file counts as typed. */
function draftCamera(c: CameraSecretConnection): CameraConnection {
  return { rtsp: c.rtsp, onvif: c.onvif, user: c.user, profile: c.profile, ...(c.pass !== null ? { pass: c.pass } : {}) };
}

/** A set-up file (the whole configuration file, or its `area`) as the page's draft. */
export function draftOfFile(file: unknown): AreaDraft {
  if (!file || typeof file !== 'object' || Array.isArray(file)) throw new SetupFileError('文件内容须为 JSON 对象');
  const f = file as Record<string, unknown>;
  const area = (f.area && typeof f.area === 'object' ? f.area : f) as Record<string, unknown>;
  const { readers, cameras } = connectionsOfArea(area);
  const rooms = Array.isArray(area.rooms) ? (area.rooms as Record<string, unknown>[]) : [];
  const kind = (v: unknown) => (ROOM_KINDS as readonly unknown[]).includes(v) ? v as (typeof ROOM_KINDS)[number] : 'waiting';
  const settings = { ...DEFAULT_SETTINGS, ...(area.settings && typeof area.settings === 'object' ? area.settings : {}) } as Record<string, unknown>;
  const draft = {
    area: area.area ?? { id: '', name: '' },
    rooms: rooms.map((r) => {
      const k = kind(r.kind);
      return {
        id: r.id, name: r.name, kind: r.kind, capacity: r.capacity ?? null,
        recordingRequired: r.recordingRequired ?? recordingRequiredByDefault(k), guardRequired: r.guardRequired ?? guardRequiredByDefault(k),
      };
    }),
    readers: entries(area, 'readers').map((e) => ({ id: e.id, room: e.room ?? null, role: e.role, connection: readers[String(e.id)] ?? null })),
    cameras: entries(area, 'cameras').map((e) => ({ id: e.id, room: e.room, connection: cameras[String(e.id)] ? draftCamera(cameras[String(e.id)]!) : null })),
    officers: (Array.isArray(area.officers) ? (area.officers as Record<string, unknown>[]) : []).map((o) => ({ id: o.id, name: o.name, gender: o.gender, tag: o.tag ?? null })),
    settings: Object.fromEntries(SETTING_NAMES.map((k) => [k, settings[k]])),
    deskReader: f.deskReader && typeof f.deskReader === 'object' ? readerConnectionOf(f.deskReader as Record<string, unknown>, '值班台发卡读卡器') : null,
    idCardReader: idCardConnectionOf(f.idCardReader, '身份证阅读器'),
  };
  const r = areaDraftSchema.safeParse(draft);
  if (!r.success) throw new SetupFileError(issueText(r.error.issues[0]));
  return r.data;
}

/** The draft as a file's `area`, each device's connection on its entry; passwords only when given. */
export function areaOfDraft(draft: AreaDraft, passwords: Readonly<Record<string, string | null>>): Record<string, unknown> {
  const changed = SETTING_NAMES.filter((k) => draft.settings[k] !== DEFAULT_SETTINGS[k]);
  return {
    area: draft.area,
    rooms: draft.rooms.map((r) => ({
      id: r.id, name: r.name, kind: r.kind, ...(r.capacity !== null ? { capacity: r.capacity } : {}),
      ...(r.recordingRequired !== recordingRequiredByDefault(r.kind) ? { recordingRequired: r.recordingRequired } : {}),
      ...(r.guardRequired !== guardRequiredByDefault(r.kind) ? { guardRequired: r.guardRequired } : {}),
    })),
    readers: draft.readers.map((r) => ({ id: r.id, room: r.room, role: r.role, ...(r.connection ?? {}) })),
    cameras: draft.cameras.map((c) => {
      const conn = c.connection;
      if (!conn) return { id: c.id, room: c.room };
      const pass = passwords[c.id];
      return {
        id: c.id, room: c.room, rtsp: conn.rtsp, ...(conn.onvif ? { onvif: conn.onvif } : {}), ...(conn.user ? { user: conn.user } : {}),
        ...(pass ? { pass } : {}), ...(conn.profile ? { profile: conn.profile } : {}),
      };
    }),
    officers: draft.officers.map((o) => ({ id: o.id, name: o.name, gender: o.gender, ...(o.tag ? { tag: o.tag } : {}) })),
    ...(changed.length > 0 ? { settings: Object.fromEntries(changed.map((k) => [k, draft.settings[k]])) } : {}),
  };
}
