// What the station's own clock and start-up report, and the desk's acknowledgement of a clock jump.
import type { CommandOf } from '../../../common/commands.js';
import { reject } from '../../../common/rejections.js';
import type { AreaState } from '../state/model.js';
import { accept, refuse, withoutType, type Decision } from './decision.js';

/** Facts the station itself observed: always recorded as reported. */
export function decideStationReport(c: CommandOf<'clock.jump'> | CommandOf<'clock.adjust'> | CommandOf<'record.restore'>): Decision {
  switch (c.type) {
    case 'clock.jump': return accept({ type: c.type, payload: withoutType(c) });
    case 'clock.adjust': return accept({ type: c.type, payload: withoutType(c) });
    case 'record.restore': return accept({ type: c.type, payload: withoutType(c) });
  }
}

export function decideClockAck(state: AreaState, c: CommandOf<'clock.ack'>): Decision {
  if (!state.clockJumps.some((j) => j.seq <= c.upTo)) return refuse(reject('NO_CLOCK_JUMP', { en: `no clock jump up to event ${c.upTo} to acknowledge`, zh: '没有待确认的时钟异常' }, 'upTo'));
  return accept({ type: 'clock.ack', payload: withoutType(c) });
}
