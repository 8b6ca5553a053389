// Reports from readers and cameras, manual moves, and tag reads.
import type { CommandOf } from '../../../common/commands.js';
import { reject } from '../../../common/rejections.js';
import type { AreaState } from '../state/model.js';
import { readEffect } from '../state/tagRead.js';
import { accept, refuse, withoutType, type Decision } from './decision.js';

export function decideTagRead(state: AreaState, c: CommandOf<'tag.read'>): Decision {
  const reader = state.readers.get(c.reader);
  if (!reader) return refuse(reject('UNKNOWN_READER', { en: `reader ${c.reader} does not exist`, zh: `读卡器 ${c.reader} 未配置` }, 'reader'));
  // A read that confirms what is known changes nothing and is not recorded.
  const read = readEffect(state, reader, c.tag);
  if (read.kind === 'none') return accept(null);
  // The fields written out rather than copied by withoutType: on a busy day nearly every line is
  // a read, and the object rest copy was a visible part of each. Same fields, same order; the
  // rssi in the literal, as in tagReadCommand.
  const payload: Omit<CommandOf<'tag.read'>, 'type'> = c.rssi !== undefined ? { reader: c.reader, tag: c.tag, rssi: c.rssi } : { reader: c.reader, tag: c.tag };
  if (c.antenna !== undefined) payload.antenna = c.antenna;
  return { ok: true, event: { type: 'tag.read', payload }, read };
}

export function decideMove(state: AreaState, c: CommandOf<'person.move'>): Decision {
  const person = state.persons.get(c.who);
  if (person?.exited) return refuse(reject('PERSON_EXITED', { en: `person ${c.who} has exited`, zh: `人员 ${person.name}（${c.who}）已出区` }, 'who'));
  if (!person && !state.officers.has(c.who)) return refuse(reject('UNKNOWN_PERSON', { en: `person or officer ${c.who} does not exist`, zh: `人员或民警 ${c.who} 未登记` }, 'who'));
  if (c.room !== null && !state.rooms.has(c.room)) return refuse(reject('UNKNOWN_ROOM', { en: `room ${c.room} does not exist`, zh: `房间 ${c.room} 不存在` }, 'room'));
  return accept({ type: 'person.move', payload: withoutType(c) });
}

export function decideCameraStatus(state: AreaState, c: CommandOf<'camera.status'>): Decision {
  if (!state.cameras.has(c.camera)) return refuse(reject('UNKNOWN_CAMERA', { en: `camera ${c.camera} does not exist`, zh: `摄像机 ${c.camera} 未配置` }, 'camera'));
  const now = state.cameraStatus.get(c.camera);
  if (now && now.online === c.online && now.recording === c.recording) return accept(null);
  return accept({ type: 'camera.status', payload: withoutType(c) });
}

export function decideDeviceStatus(state: AreaState, c: CommandOf<'device.status'>): Decision {
  if (!state.readers.has(c.device)) {
    const what = state.cameras.has(c.device)
      ? { en: `device ${c.device} is a camera, not a reader (report it with camera.status)`, zh: `${c.device} 是摄像机，请用 camera.status 报告` }
      : { en: `reader ${c.device} does not exist`, zh: `读卡器 ${c.device} 未配置` };
    return refuse(reject('UNKNOWN_READER', what, 'device'));
  }
  if (state.deviceStatus.get(c.device)?.online === c.online) return accept(null);
  return accept({ type: 'device.status', payload: withoutType(c) });
}

export function decideSegment(state: AreaState, c: CommandOf<'recording.segment'>): Decision {
  if (!state.cameras.has(c.camera)) return refuse(reject('UNKNOWN_CAMERA', { en: `camera ${c.camera} does not exist`, zh: `摄像机 ${c.camera} 未配置` }, 'camera'));
  if (c.endedAt < c.startedAt) return refuse(reject('INVALID_FIELD', { en: 'segment endedAt is before startedAt', zh: '录像片段的结束时间早于开始时间' }, 'endedAt'));
  return accept({ type: 'recording.segment', payload: withoutType(c) });
}

export function decideStorage(state: AreaState, c: CommandOf<'storage.status'>): Decision {
  // Free space changes all the time; only a change of the low flag is worth recording.
  if (state.storage && state.storage.low === c.low && state.storage.path === c.path) return accept(null);
  return accept({ type: 'storage.status', payload: withoutType(c) });
}
