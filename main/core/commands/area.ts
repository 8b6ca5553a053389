// area.configure, area.settings and officer.register.
import type { CommandOf } from '../../../common/commands.js';
import { reject } from '../../../common/rejections.js';
import type { AreaState } from '../state/model.js';
import { accept, refuse, type Decision } from './decision.js';
import { idInUse, tagInUse } from './lookups.js';

function firstDuplicate(ids: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return null;
}

export function decideConfigure(state: AreaState, c: CommandOf<'area.configure'>): Decision {
  if (state.configured) return refuse(reject('AREA_ALREADY_CONFIGURED', `办案区已配置（${state.area?.name ?? ''}），不能重复配置`));
  const readers = c.readers ?? [];
  const cameras = c.cameras ?? [];
  const officers = c.officers ?? [];
  const dupRoom = firstDuplicate(c.rooms.map((r) => r.id));
  if (dupRoom) return refuse(reject('DUPLICATE_ID', `房间编号 ${dupRoom} 重复`, 'rooms'));
  const dupDevice = firstDuplicate([...readers.map((r) => r.id), ...cameras.map((x) => x.id)]);
  if (dupDevice) return refuse(reject('DUPLICATE_ID', `设备编号 ${dupDevice} 重复（读卡器与摄像机编号也不能相同）`, 'readers'));
  const dupOfficer = firstDuplicate(officers.map((o) => o.id));
  if (dupOfficer) return refuse(reject('DUPLICATE_ID', `民警编号 ${dupOfficer} 重复`, 'officers'));
  const dupTag = firstDuplicate(officers.flatMap((o) => (o.tag ? [o.tag] : [])));
  if (dupTag) return refuse(reject('DUPLICATE_TAG', `腕带 ${dupTag} 绑定了多名民警`, 'officers'));
  const rooms = new Set(c.rooms.map((r) => r.id));
  for (const [i, r] of readers.entries()) {
    if (r.room === null && r.role === 'room') return refuse(reject('UNKNOWN_ROOM', `房间读卡器 ${r.id} 必须指定房间`, `readers.${i}.room`));
    if (r.room !== null && !rooms.has(r.room)) return refuse(reject('UNKNOWN_ROOM', `读卡器 ${r.id} 所在房间 ${r.room} 不存在`, `readers.${i}.room`));
  }
  for (const [i, cam] of cameras.entries()) {
    if (!rooms.has(cam.room)) return refuse(reject('UNKNOWN_ROOM', `摄像机 ${cam.id} 所在房间 ${cam.room} 不存在`, `cameras.${i}.room`));
  }
  return accept({ type: 'area.configure', payload: { area: c.area, rooms: c.rooms, readers, cameras, officers, settings: c.settings } });
}

export function decideSettings(c: CommandOf<'area.settings'>): Decision {
  return accept({ type: 'area.settings', payload: { settings: c.settings } });
}

export function decideOfficerRegister(state: AreaState, c: CommandOf<'officer.register'>): Decision {
  const o = c.officer;
  if (idInUse(state, o.id)) return refuse(reject('DUPLICATE_ID', `编号 ${o.id} 已被使用`, 'officer.id'));
  if (o.tag && tagInUse(state, o.tag)) return refuse(reject('DUPLICATE_TAG', `腕带 ${o.tag} 已绑定他人`, 'officer.tag'));
  return accept({ type: 'officer.register', payload: { officer: o } });
}
