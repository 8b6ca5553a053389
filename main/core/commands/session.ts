// Questioning sessions: start, join, leave, end.
import type { CommandOf } from '../../../common/commands.js';
import { reject } from '../../../common/rejections.js';
import { ROOM_KIND_LABELS } from '../../../common/messages.js';
import { SESSION_ROOM_KINDS } from '../../../common/vocab.js';
import type { AreaState } from '../state/model.js';
import { accept, refuse, withoutType, type Decision } from './decision.js';
import { activeSession, livePerson, officer, officers } from './lookups.js';

export function decideSessionStart(state: AreaState, c: CommandOf<'session.start'>): Decision {
  const room = state.rooms.get(c.room);
  if (!room) return refuse(reject('UNKNOWN_ROOM', { en: `room ${c.room} does not exist`, zh: `房间 ${c.room} 不存在` }, 'room'));
  if (!SESSION_ROOM_KINDS.includes(room.kind)) {
    return refuse(reject('ROOM_NOT_FOR_SESSION', {
      en: `room ${room.id} is not an interrogation, inquiry or identification room`,
      zh: `${room.name} 是${ROOM_KIND_LABELS[room.kind]}，讯（询）问只能在讯问室、询问室或辨认室进行`,
    }, 'room'));
  }
  if (state.sessions.has(c.sessionId)) return refuse(reject('SESSION_ID_USED', { en: `sessionId ${c.sessionId} already used`, zh: `讯（询）问编号 ${c.sessionId} 已被使用` }, 'sessionId'));
  const p = livePerson(state, c.personId);
  if (!p.ok) return refuse(p.rejection);
  if (p.value.activeSession) return refuse(reject('PERSON_IN_SESSION', { en: `person ${c.personId} already has active session ${p.value.activeSession}`, zh: `${p.value.name} 正在讯（询）问 ${p.value.activeSession} 中` }, 'personId'));
  const bad = officers(state, c.officers, 'officers');
  if (bad) return refuse(bad);
  return accept({ type: 'session.start', payload: withoutType(c) });
}

export function decideSessionJoin(state: AreaState, c: CommandOf<'session.join'>): Decision {
  const s = activeSession(state, c.sessionId);
  if (!s.ok) return refuse(s.rejection);
  if ((c.officer === undefined) === (c.appropriateAdult === undefined)) {
    return refuse(reject('JOIN_NEEDS_ONE', { en: 'session.join names both or neither of officer and appropriateAdult', zh: '加入讯（询）问须且只须填写民警或合适成年人之一' }, 'officer'));
  }
  if (c.officer !== undefined) {
    const o = officer(state, c.officer, 'officer');
    if (!o.ok) return refuse(o.rejection);
    if (s.value.officers.has(c.officer)) return refuse(reject('OFFICER_ALREADY_IN_SESSION', { en: `officer ${c.officer} is already in session ${c.sessionId}`, zh: `${o.value.name} 已在讯（询）问 ${c.sessionId} 中` }, 'officer'));
  }
  return accept({ type: 'session.join', payload: withoutType(c) });
}

export function decideSessionLeave(state: AreaState, c: CommandOf<'session.leave'>): Decision {
  const s = activeSession(state, c.sessionId);
  if (!s.ok) return refuse(s.rejection);
  if (!s.value.officers.has(c.officer)) return refuse(reject('OFFICER_NOT_IN_SESSION', { en: `officer ${c.officer} is not in session ${c.sessionId}`, zh: `民警 ${c.officer} 不在讯（询）问 ${c.sessionId} 中` }, 'officer'));
  return accept({ type: 'session.leave', payload: withoutType(c) });
}

export function decideSessionEnd(state: AreaState, c: CommandOf<'session.end'>): Decision {
  const s = activeSession(state, c.sessionId);
  if (!s.ok) return refuse(s.rejection);
  return accept({ type: 'session.end', payload: withoutType(c) });
}
