// The one entry point: a validated command against the current state.
import type { Command } from '../../../common/commands.js';
import { reject } from '../../../common/rejections.js';
import type { AreaState } from '../state/model.js';
import { decideAreaUpdate, decideConfigure, decideOfficerRegister, decideSettings } from './area.js';
import { accept, refuse, withoutType, type DecideContext, type Decision } from './decision.js';
import { decideCameraStatus, decideDeviceStatus, decideMove, decideSegment, decideStorage, decideTagRead } from './devices.js';
import {
  decideBelongings, decideCorrect, decideEnter, decideExit, decideExtend, decideReturn, decideSecurityCheck,
  decideSimplePersonEvent, decideTempExit,
} from './person.js';
import { decideSessionEnd, decideSessionJoin, decideSessionLeave, decideSessionStart } from './session.js';
import { decideClockAck, decideStationReport } from './clock.js';
import { decideEvidenceExport } from './evidence.js';

function decideAck(state: AreaState, c: Extract<Command, { type: 'alarm.ack' }>): Decision {
  const alarm = state.alarms.get(c.alarmId);
  if (!alarm) return refuse(reject('UNKNOWN_ALARM', { en: `alarm ${c.alarmId} does not exist`, zh: `告警 ${c.alarmId} 不存在` }, 'alarmId'));
  if (alarm.ack) {
    return refuse(reject('ALARM_ALREADY_ACKED', { en: `alarm ${c.alarmId} is already acknowledged by ${alarm.ack.by}`, zh: `告警 ${c.alarmId} 已由 ${alarm.ack.by} 确认` }, 'alarmId'));
  }
  return accept({ type: 'alarm.ack', payload: withoutType(c) });
}

export function decide(state: AreaState, c: Command, ctx: DecideContext): Decision {
  if (c.type === 'area.configure') return decideConfigure(state, c);
  if (!state.configured) return refuse(reject('AREA_NOT_CONFIGURED', { en: 'the area is not configured', zh: '办案区尚未配置' }));
  switch (c.type) {
    case 'clock': return accept(null);
    case 'area.settings': return decideSettings(c);
    case 'area.update': return decideAreaUpdate(state, c);
    case 'officer.register': return decideOfficerRegister(state, c);
    case 'person.enter': return decideEnter(state, c, ctx);
    case 'security.check': return decideSecurityCheck(state, c);
    case 'belongings.store': return decideBelongings(state, c);
    case 'info.collect':
    case 'care.meal':
    case 'care.rest':
      return decideSimplePersonEvent(state, c);
    case 'tag.read': return decideTagRead(state, c);
    case 'person.move': return decideMove(state, c);
    case 'session.start': return decideSessionStart(state, c);
    case 'session.join': return decideSessionJoin(state, c);
    case 'session.leave': return decideSessionLeave(state, c);
    case 'session.end': return decideSessionEnd(state, c);
    case 'camera.status': return decideCameraStatus(state, c);
    case 'device.status': return decideDeviceStatus(state, c);
    case 'person.extend': return decideExtend(state, c);
    case 'person.tempExit': return decideTempExit(state, c);
    case 'person.return': return decideReturn(state, c);
    case 'person.exit': return decideExit(state, c);
    case 'person.correct': return decideCorrect(state, c);
    case 'alarm.ack': return decideAck(state, c);
    case 'recording.segment': return decideSegment(state, c);
    case 'storage.status': return decideStorage(state, c);
    case 'clock.jump':
    case 'clock.adjust':
    case 'record.restore':
      return decideStationReport(c);
    case 'clock.ack': return decideClockAck(state, c);
    case 'evidence.export': return decideEvidenceExport(state, c);
  }
}
