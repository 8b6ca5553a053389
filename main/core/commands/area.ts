// area.configure, area.update, area.settings and officer.register.
import type { CommandOf } from '../../../common/commands.js';
import type { AreaRemovals } from '../../../common/events.js';
import { reject, type StationRejection } from '../../../common/rejections.js';
import type { AreaState } from '../state/model.js';
import { roomOf } from '../state/areaIndex.js';
import { accept, refuse, type Decision } from './decision.js';
import { idInUse, tagInUse } from './lookups.js';

type Configure = CommandOf<'area.configure'>;
type ReaderSpec = NonNullable<Configure['readers']>[number];
type CameraSpec = NonNullable<Configure['cameras']>[number];

/** The lists of an area as they would stand; `given` says which ones the command itself gave. */
interface AreaLists {
  readonly rooms: readonly { readonly id: string }[]; readonly readers: readonly ReaderSpec[]; readonly cameras: readonly CameraSpec[];
  readonly given: { readonly rooms: boolean; readonly readers: boolean; readonly cameras: boolean };
}

function firstDuplicate(ids: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return null;
}

/** Where the desk should look for a device's problem: at the device when its list was given, else at the rooms that lost its room. */
const deviceField = (given: boolean, list: 'readers' | 'cameras', i: number): string => (given ? `${list}.${i}.room` : 'rooms');

/** The checks area.configure and area.update share: unique ids, and every device in a room of the area. */
function listProblem(lists: AreaLists): StationRejection | null {
  const dupRoom = firstDuplicate(lists.rooms.map((r) => r.id));
  if (dupRoom) return reject('DUPLICATE_ID', { en: `room id ${dupRoom} is used twice`, zh: `房间编号 ${dupRoom} 重复` }, 'rooms');
  const dupDevice = firstDuplicate([...lists.readers.map((r) => r.id), ...lists.cameras.map((x) => x.id)]);
  if (dupDevice) {
    return reject('DUPLICATE_ID', { en: `device id ${dupDevice} is used twice`, zh: `设备编号 ${dupDevice} 重复（读卡器与摄像机编号也不能相同）` },
      lists.given.readers ? 'readers' : 'cameras');
  }
  const rooms = new Set(lists.rooms.map((r) => r.id));
  for (const [i, r] of lists.readers.entries()) {
    if (r.room === null && r.role === 'room') {
      return reject('UNKNOWN_ROOM', { en: `room reader ${r.id} names no room`, zh: `房间读卡器 ${r.id} 必须指定房间` }, deviceField(lists.given.readers, 'readers', i));
    }
    if (r.room !== null && !rooms.has(r.room)) {
      return reject('UNKNOWN_ROOM', { en: `reader ${r.id} names room ${r.room} that does not exist`, zh: `读卡器 ${r.id} 所在房间 ${r.room} 不存在` },
        deviceField(lists.given.readers, 'readers', i));
    }
  }
  for (const [i, cam] of lists.cameras.entries()) {
    if (!rooms.has(cam.room)) {
      return reject('UNKNOWN_ROOM', { en: `camera ${cam.id} names room ${cam.room} that does not exist`, zh: `摄像机 ${cam.id} 所在房间 ${cam.room} 不存在` },
        deviceField(lists.given.cameras, 'cameras', i));
    }
  }
  return null;
}

export function decideConfigure(state: AreaState, c: Configure): Decision {
  if (state.configured) {
    return refuse(reject('AREA_ALREADY_CONFIGURED', { en: 'the area is already configured', zh: `办案区已配置（${state.area?.name ?? ''}），不能重复配置` }));
  }
  const readers = c.readers ?? [];
  const cameras = c.cameras ?? [];
  const officers = c.officers ?? [];
  const problem = listProblem({ rooms: c.rooms, readers, cameras, given: { rooms: true, readers: true, cameras: true } });
  if (problem) return refuse(problem);
  const dupOfficer = firstDuplicate(officers.map((o) => o.id));
  if (dupOfficer) return refuse(reject('DUPLICATE_ID', { en: `officer id ${dupOfficer} is used twice`, zh: `民警编号 ${dupOfficer} 重复` }, 'officers'));
  const dupTag = firstDuplicate(officers.flatMap((o) => (o.tag ? [o.tag] : [])));
  if (dupTag) return refuse(reject('DUPLICATE_TAG', { en: `tag ${dupTag} is bound to two officers`, zh: `腕带 ${dupTag} 绑定了多名民警` }, 'officers'));
  return accept({ type: 'area.configure', payload: { area: c.area, rooms: c.rooms, readers, cameras, officers, settings: c.settings } });
}

/** Why a room may not be taken out of the area now, or null. */
function removalProblem(state: AreaState, roomId: string): StationRejection | null {
  const name = state.rooms.get(roomId)?.name ?? roomId;
  for (const p of state.persons.values()) {
    if (p.exited === null && roomOf(state, p.id) === roomId) {
      return reject('ROOM_OCCUPIED', { en: `room ${roomId} has someone present (${p.id})`, zh: `${name} 内有人员（${p.name}），不能移除该房间` }, 'rooms');
    }
  }
  for (const o of state.officers.values()) {
    if (roomOf(state, o.id) === roomId) {
      return reject('ROOM_OCCUPIED', { en: `room ${roomId} has someone present (${o.id})`, zh: `${name} 内有民警（${o.name}），不能移除该房间` }, 'rooms');
    }
  }
  for (const s of state.sessions.values()) {
    if (s.room === roomId && s.endedAt === null) {
      return reject('ROOM_IN_SESSION', { en: `room ${roomId} has an active session`, zh: `${name} 正在进行讯（询）问 ${s.id}，不能移除该房间` }, 'rooms');
    }
  }
  return null;
}

const removedIds = (before: Iterable<string>, after: readonly { id: string }[]): string[] => {
  const kept = new Set(after.map((x) => x.id));
  return [...before].filter((id) => !kept.has(id));
};

/**
 * 变更办案区: each list given replaces the old one, whole or not at all. Devices kept keep their
 * status (the reducer's business); rooms may go only when empty and without an active session.
 */
export function decideAreaUpdate(state: AreaState, c: CommandOf<'area.update'>): Decision {
  const lists: AreaLists = {
    rooms: c.rooms ?? [...state.rooms.values()],
    readers: c.readers ?? [...state.readers.values()],
    cameras: c.cameras ?? [...state.cameras.values()],
    given: { rooms: c.rooms !== undefined, readers: c.readers !== undefined, cameras: c.cameras !== undefined },
  };
  const removed: AreaRemovals = {
    rooms: c.rooms ? removedIds(state.rooms.keys(), c.rooms) : [],
    readers: c.readers ? removedIds(state.readers.keys(), c.readers) : [],
    cameras: c.cameras ? removedIds(state.cameras.keys(), c.cameras) : [],
  };
  for (const roomId of removed.rooms) {
    const problem = removalProblem(state, roomId);
    if (problem) return refuse(problem);
  }
  const problem = listProblem(lists);
  if (problem) return refuse(problem);
  const { type: _type, ...given } = c;
  return accept({ type: 'area.update', payload: { ...given, removed } });
}

export function decideSettings(c: CommandOf<'area.settings'>): Decision {
  return accept({ type: 'area.settings', payload: { settings: c.settings } });
}

export function decideOfficerRegister(state: AreaState, c: CommandOf<'officer.register'>): Decision {
  const o = c.officer;
  if (idInUse(state, o.id)) return refuse(reject('DUPLICATE_ID', { en: `id ${o.id} already in use`, zh: `编号 ${o.id} 已被使用` }, 'officer.id'));
  if (o.tag && tagInUse(state, o.tag)) return refuse(reject('DUPLICATE_TAG', { en: `tag ${o.tag} already in use`, zh: `腕带 ${o.tag} 已绑定他人` }, 'officer.tag'));
  return accept({ type: 'officer.register', payload: { officer: o } });
}
