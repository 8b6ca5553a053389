// From a draft of the set-up to what saving it means: the commands for the record (area.configure
// on the first run; then area.update with only the lists that changed, area.settings with only
// the settings that changed, officer.register for each new officer), the device connections for
// the settings file, and the devices whose connection changed. Nothing is decided here that the
// core decides: the commands go through its decision (dryRun.ts) before anything is saved.
import type { AreaDraft, CameraConnection, DraftProblem, IdCardConnection, ReaderConnection, SetupRoom } from '../../../common/areaSetup.js';
import { DEFAULT_SETTINGS, SETTING_NAMES, type SettingName } from '../../../common/settings.js';
import { SETUP_TEXT } from '../../../common/setupText.js';
import type { CameraSecretConnection } from '../../../common/setupFile.js';
import { guardRequiredByDefault, recordingRequiredByDefault } from '../../../common/vocab.js';
import type { AreaState, Room } from '../../core/state/model.js';

/** A camera's connection as the settings file keeps it: with its password. */
export type StoredCamera = CameraSecretConnection;

/** Every device connection of the station (the settings file's `devices`). */
export interface DeviceConnections {
  readonly readers: Readonly<Record<string, ReaderConnection>>;
  readonly cameras: Readonly<Record<string, StoredCamera>>;
  readonly deskReader: ReaderConnection | null;
  /** The desk's 身份证阅读器 (`idCardReader` in the settings file). */
  readonly idCardReader: IdCardConnection | null;
}

export const NO_DEVICES: DeviceConnections = { readers: {}, cameras: {}, deskReader: null, idCardReader: null };

/** One command of the save, and where on the draft a refusal of one of its fields belongs. */
export interface PlannedCommand {
  readonly command: Record<string, unknown> & { readonly type: string };
  /** The draft field of a refusal's field (rooms.2.name → rooms.2.name; officer.tag → officers.4.tag). */
  draftField(field: string | undefined): string;
}

export interface SetupPlan {
  readonly commands: readonly PlannedCommand[];
  readonly connections: DeviceConnections;
  /** Devices whose connection is new, changed or gone (by id); the others are left running. */
  readonly changed: { readonly readers: readonly string[]; readonly cameras: readonly string[]; readonly deskReader: boolean; readonly idCardReader: boolean };
  /** Cameras whose connection is new or changed: each must pass 试录像 before it is saved (draft index). */
  readonly untested: readonly { readonly index: number; readonly id: string; readonly connection: StoredCamera }[];
}

/** A room as area.configure / area.update take it: flags equal to its kind's default are left out, so that a change of kind resets them. */
export function roomSpec(r: SetupRoom): Record<string, unknown> {
  return {
    id: r.id, name: r.name, kind: r.kind,
    ...(r.capacity !== null ? { capacity: r.capacity } : {}),
    ...(r.recordingRequired !== recordingRequiredByDefault(r.kind) ? { recordingRequired: r.recordingRequired } : {}),
    ...(r.guardRequired !== guardRequiredByDefault(r.kind) ? { guardRequired: r.guardRequired } : {}),
  };
}

const sameRoom = (a: Room, b: SetupRoom): boolean => a.id === b.id && a.name === b.name && a.kind === b.kind && a.capacity === b.capacity
  && a.recordingRequired === b.recordingRequired && a.guardRequired === b.guardRequired;

const sameList = <A, B>(a: readonly A[], b: readonly B[], same: (x: A, y: B) => boolean): boolean => a.length === b.length && a.every((x, i) => same(x, b[i] as B));

/** Equal as JSON with keys in any order (connections compared for a change). */
export function sameJson(a: unknown, b: unknown): boolean {
  const norm = (v: unknown): unknown => (v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([x], [y]) => (x < y ? -1 : 1)).map(([k, x]) => [k, norm(x)]))
    : v);
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

/** The draft's camera connection as it will be kept: credentials out of the URL, the kept password unless a new one was typed. */
export function storedCamera(c: CameraConnection, kept: StoredCamera | undefined): StoredCamera {
  let rtsp = c.rtsp;
  let user = c.user && c.user !== '' ? c.user : null;
  let pass: string | null = c.pass !== undefined && c.pass !== '' ? c.pass : (kept?.pass ?? null);
  try {
    const url = new URL(c.rtsp);
    if (url.username || url.password) {
      user = decodeURIComponent(url.username) || user;
      if (url.password) pass = decodeURIComponent(url.password);
      url.username = '';
      url.password = '';
      rtsp = url.toString();
    }
  } catch {
    // Not a URL: the schema has already said so.
  }
  if (user === null) pass = null;
  return { rtsp, onvif: c.onvif, user, pass, profile: c.profile };
}

/** What a new draft officer's refusal field (officer.id) means on the draft. */
const officerField = (index: number) => (field: string | undefined): string => (field?.startsWith('officer.') ? `officers.${index}.${field.slice('officer.'.length)}` : `officers.${index}`);

export function planSetup(state: AreaState, saved: DeviceConnections, draft: AreaDraft): { ok: true; plan: SetupPlan } | { ok: false; problem: DraftProblem } {
  const commands: PlannedCommand[] = [];
  const same = (field: string | undefined): string => field ?? '';
  const readers = draft.readers.map((r) => ({ id: r.id, room: r.room, role: r.role }));
  const cameras = draft.cameras.map((c) => ({ id: c.id, room: c.room }));
  const changedSettings = Object.fromEntries(SETTING_NAMES.flatMap((k): [SettingName, number][] => (draft.settings[k] !== state.settings[k] ? [[k, draft.settings[k]]] : [])));

  if (!state.configured) {
    const officers = draft.officers.map((o) => ({ id: o.id, name: o.name, gender: o.gender, ...(o.tag ? { tag: o.tag } : {}) }));
    const settings = Object.fromEntries(SETTING_NAMES.flatMap((k): [SettingName, number][] => (draft.settings[k] !== DEFAULT_SETTINGS[k] ? [[k, draft.settings[k]]] : [])));
    commands.push({
      command: { type: 'area.configure', area: draft.area, rooms: draft.rooms.map(roomSpec), readers, cameras, officers, ...(Object.keys(settings).length ? { settings } : {}) },
      draftField: same,
    });
  } else {
    if (draft.area.id !== state.area?.id || draft.area.name !== state.area?.name) {
      return { ok: false, problem: { field: draft.area.id !== state.area?.id ? 'area.id' : 'area.name', message: SETUP_TEXT.problems.areaFixed } };
    }
    const update: Record<string, unknown> = {};
    if (!sameList([...state.rooms.values()], draft.rooms, sameRoom)) update.rooms = draft.rooms.map(roomSpec);
    if (!sameList([...state.readers.values()], readers, (a, b) => a.id === b.id && a.room === b.room && a.role === b.role)) update.readers = readers;
    if (!sameList([...state.cameras.values()], cameras, (a, b) => a.id === b.id && a.room === b.room)) update.cameras = cameras;
    if (Object.keys(update).length > 0) commands.push({ command: { type: 'area.update', ...update }, draftField: same });
    if (Object.keys(changedSettings).length > 0) commands.push({ command: { type: 'area.settings', settings: changedSettings }, draftField: (f) => (f ? `settings.${f.replace(/^settings\./, '')}` : 'settings') });
    for (const kept of state.officers.values()) {
      const i = draft.officers.findIndex((o) => o.id === kept.id);
      const o = draft.officers[i];
      if (!o) return { ok: false, problem: { field: 'officers', message: SETUP_TEXT.problems.officerKept(kept.name, kept.id) } };
      if (o.name !== kept.name || o.gender !== kept.gender || (o.tag ?? null) !== kept.tag) {
        return { ok: false, problem: { field: `officers.${i}`, message: SETUP_TEXT.problems.officerFixed(kept.name, kept.id) } };
      }
    }
    // New officers are decided one by one against the record as it is: one id or wristband twice among them is said here.
    const seenIds = new Set<string>();
    const seenTags = new Set<string>();
    for (const [i, o] of draft.officers.entries()) {
      if (seenIds.has(o.id)) return { ok: false, problem: { field: `officers.${i}.id`, message: SETUP_TEXT.problems.duplicateId(o.id) } };
      if (o.tag && seenTags.has(o.tag)) return { ok: false, problem: { field: `officers.${i}.tag`, message: SETUP_TEXT.problems.duplicateTag(o.tag) } };
      seenIds.add(o.id);
      if (o.tag) seenTags.add(o.tag);
    }
    draft.officers.forEach((o, i) => {
      if (state.officers.has(o.id)) return;
      commands.push({ command: { type: 'officer.register', officer: { id: o.id, name: o.name, gender: o.gender, ...(o.tag ? { tag: o.tag } : {}) } }, draftField: officerField(i) });
    });
  }

  const readerConnections: Record<string, ReaderConnection> = {};
  for (const r of draft.readers) if (r.connection) readerConnections[r.id] = r.connection;
  const cameraConnections: Record<string, StoredCamera> = {};
  const untested: SetupPlan['untested'][number][] = [];
  draft.cameras.forEach((c, index) => {
    if (!c.connection) return;
    const stored = storedCamera(c.connection, saved.cameras[c.id]);
    cameraConnections[c.id] = stored;
    const before = saved.cameras[c.id];
    if (!before || before.rtsp !== stored.rtsp || before.user !== stored.user || before.pass !== stored.pass) untested.push({ index, id: c.id, connection: stored });
  });
  const changedIds = <T>(before: Readonly<Record<string, T>>, after: Readonly<Record<string, T>>, part: (x: T | undefined) => unknown = (x) => x): string[] => (
    [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !sameJson(part(before[k]), part(after[k]))).sort()
  );
  return {
    ok: true,
    plan: {
      commands,
      connections: { readers: readerConnections, cameras: cameraConnections, deskReader: draft.deskReader, idCardReader: draft.idCardReader },
      changed: {
        readers: changedIds(saved.readers, readerConnections),
        // What the recorder is given; the ONVIF address and profile are notes for the page.
        cameras: changedIds(saved.cameras, cameraConnections, (c) => c && { rtsp: c.rtsp, user: c.user, pass: c.pass }),
        deskReader: !sameJson(saved.deskReader, draft.deskReader),
        idCardReader: !sameJson(saved.idCardReader, draft.idCardReader),
      },
      untested,
    },
  };
}
