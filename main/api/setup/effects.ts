// What a save will do, in the desk's words: the changes to the area model, the settings, the new
// officers, the devices restarted, and what will raise alarms (a room that must be recorded with
// no camera). Read from the draft against the state as it is now; the refusals are the core's
// (dryRun.ts), not decided here.
import type { AreaDraft } from '../../../common/areaSetup.js';
import { ROOM_KIND_LABELS } from '../../../common/messages.js';
import { SETTING_NAMES } from '../../../common/settings.js';
import { READER_ROLE_LABELS, SETTING_LABELS, SETUP_TEXT } from '../../../common/setupText.js';
import { SESSION_ROOM_KINDS, type SessionKind } from '../../../common/vocab.js';
import type { AreaState } from '../../core/state/model.js';
import { roomOf } from '../../core/state/areaIndex.js';
import type { DeviceConnections, SetupPlan } from './plan.js';

const E = SETUP_TEXT.effects;
const W = SETUP_TEXT.warnings;
const R = SETUP_TEXT.restarts;

export interface ChangeReport { readonly effects: string[]; readonly warnings: string[]; readonly restarts: string[] }

/** Persons (not exited) and officers present in each room now. */
export function presentByRoom(state: AreaState): Map<string, number> {
  const out = new Map<string, number>();
  const count = (who: string): void => {
    const room = roomOf(state, who);
    if (room !== null) out.set(room, (out.get(room) ?? 0) + 1);
  };
  for (const p of state.persons.values()) if (p.exited === null) count(p.id);
  for (const o of state.officers.keys()) count(o);
  return out;
}

/** Cameras to record after the save: in a room that must be recorded, with a stream. */
export function recordedCameras(draft: AreaDraft, connections: DeviceConnections): Set<string> {
  const mustRecord = new Set(draft.rooms.filter((r) => r.recordingRequired).map((r) => r.id));
  return new Set(draft.cameras.filter((c) => mustRecord.has(c.room) && connections.cameras[c.id]).map((c) => c.id));
}

function areaChanges(state: AreaState, draft: AreaDraft): string[] {
  const out: string[] = [];
  const roomName = (id: string | null): string => (id === null ? E.outside : draft.rooms.find((r) => r.id === id)?.name ?? state.rooms.get(id)?.name ?? id);
  const oldName = (id: string | null): string => (id === null ? E.outside : state.rooms.get(id)?.name ?? id);
  const draftIds = new Set(draft.rooms.map((r) => r.id));
  for (const r of draft.rooms) {
    const before = state.rooms.get(r.id);
    if (!before) {
      out.push(E.roomAdded(r.name, ROOM_KIND_LABELS[r.kind]));
      continue;
    }
    if (before.name !== r.name) out.push(E.roomRenamed(before.name, r.name));
    if (before.kind !== r.kind) out.push(E.roomKind(r.name, ROOM_KIND_LABELS[r.kind]));
    if (before.capacity !== r.capacity) out.push(E.roomCapacity(r.name, String(before.capacity ?? E.unlimited), String(r.capacity ?? E.unlimited)));
    if (before.recordingRequired !== r.recordingRequired) out.push(r.recordingRequired ? E.recordingOn(r.name) : E.recordingOff(r.name));
    if (before.guardRequired !== r.guardRequired) out.push(r.guardRequired ? E.guardOn(r.name) : E.guardOff(r.name));
  }
  for (const [id, r] of state.rooms) if (!draftIds.has(id)) out.push(E.roomRemoved(r.name));
  const kept = [...state.rooms.keys()].filter((id) => draftIds.has(id));
  if (kept.join('\n') !== draft.rooms.map((r) => r.id).filter((id) => state.rooms.has(id)).join('\n')) out.push(E.roomsOrder);
  const devices = (what: string, before: Map<string, { room: string | null }>, after: readonly { id: string; room: string | null }[]): void => {
    const ids = new Set(after.map((d) => d.id));
    for (const d of after) {
      const b = before.get(d.id);
      if (!b) out.push(E.deviceAdded(what, d.id, roomName(d.room)));
      else if (b.room !== d.room) out.push(E.deviceMoved(what, d.id, oldName(b.room), roomName(d.room)));
    }
    for (const id of before.keys()) if (!ids.has(id)) out.push(E.deviceRemoved(what, id));
  };
  devices(E.reader, state.readers, draft.readers);
  for (const r of draft.readers) {
    const b = state.readers.get(r.id);
    if (b && b.role !== r.role) out.push(E.readerRole(r.id, READER_ROLE_LABELS[r.role]));
  }
  devices(E.camera, state.cameras, draft.cameras);
  for (const k of SETTING_NAMES) {
    if (draft.settings[k] !== state.settings[k]) out.push(E.setting(SETTING_LABELS[k].label, state.settings[k], draft.settings[k], SETTING_LABELS[k].unit));
  }
  for (const o of draft.officers) if (!state.officers.has(o.id)) out.push(E.officer(o.name, o.id, o.tag));
  return out;
}

function restarts(plan: SetupPlan, saved: DeviceConnections, recordedBefore: ReadonlySet<string>, recordedAfter: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const id of plan.changed.readers) {
    const before = saved.readers[id];
    const after = plan.connections.readers[id];
    out.push(!before ? R.readerStart(id) : !after ? R.readerStop(id) : R.reader(id));
  }
  if (plan.changed.deskReader) out.push(R.desk);
  if (plan.changed.idCardReader) out.push(!saved.idCardReader ? R.idCardStart : !plan.connections.idCardReader ? R.idCardStop : R.idCard);
  const cameras = new Set([...plan.changed.cameras, ...recordedBefore, ...recordedAfter]);
  for (const id of [...cameras].sort()) {
    const was = recordedBefore.has(id);
    const will = recordedAfter.has(id);
    if (was && will && plan.changed.cameras.includes(id)) out.push(R.camera(id));
    else if (!was && will) out.push(R.cameraStart(id));
    else if (was && !will) out.push(R.cameraStop(id));
  }
  return out;
}

function warnings(state: AreaState, draft: AreaDraft, plan: SetupPlan): string[] {
  const out: string[] = [];
  const present = presentByRoom(state);
  for (const room of draft.rooms) {
    if (!room.recordingRequired) continue;
    const cameras = draft.cameras.filter((c) => c.room === room.id);
    const sessionKind = (SESSION_ROOM_KINDS as readonly string[]).includes(room.kind) ? room.kind as SessionKind : null;
    if (cameras.length === 0) out.push(W.noCamera(room.name, sessionKind));
    else if (!cameras.some((c) => plan.connections.cameras[c.id])) out.push(W.noStream(room.name));
    else continue;
    const n = present.get(room.id) ?? 0;
    if (n > 0) out.push(W.occupied(room.name, n));
  }
  const mustRecord = new Set(draft.rooms.filter((r) => r.recordingRequired).map((r) => r.id));
  for (const c of draft.cameras) {
    if (plan.connections.cameras[c.id] && !mustRecord.has(c.room)) out.push(W.notRecorded(c.id, draft.rooms.find((r) => r.id === c.room)?.name ?? c.room));
  }
  for (const r of draft.readers) if (!r.connection && r.role === 'room') out.push(W.noConnection(r.id));
  return out;
}

/** The draft as the area it would make, for a state with no area yet. */
function firstRun(draft: AreaDraft): string[] {
  return [E.configure(draft.area.name, draft.rooms.length, draft.readers.length, draft.cameras.length, draft.officers.length)];
}

export function describeChange(state: AreaState, draft: AreaDraft, plan: SetupPlan, saved: DeviceConnections, recordedBefore: ReadonlySet<string>): ChangeReport {
  return {
    effects: state.configured ? areaChanges(state, draft) : firstRun(draft),
    warnings: warnings(state, draft, plan),
    restarts: restarts(plan, saved, recordedBefore, recordedCameras(draft, plan.connections)),
  };
}
