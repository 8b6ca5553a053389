// 证据导出 on the record: the station writes it once the files of an export are made and checked.
// Only a session the record knows can have been exported.
import type { CommandOf } from '../../../common/commands.js';
import { reject } from '../../../common/rejections.js';
import type { AreaState } from '../state/model.js';
import { accept, refuse, withoutType, type Decision } from './decision.js';

export function decideEvidenceExport(state: AreaState, c: CommandOf<'evidence.export'>): Decision {
  if (!state.sessions.has(c.sessionId)) {
    return refuse(reject('UNKNOWN_SESSION', { en: `session ${c.sessionId} does not exist`, zh: `讯（询）问 ${c.sessionId} 不存在` }, 'sessionId'));
  }
  return accept({ type: 'evidence.export', payload: withoutType(c) });
}
