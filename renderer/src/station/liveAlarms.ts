// Alarms as the page shows them: the last overview, plus what change notices reported after it. A
// notice carries the alarms it touched, so a new alarm shows at once instead of after the next
// overview round trip (the alarm bar's latency is what the desk feels). A critical alarm that ends
// before anyone acknowledged it moves from the active ones to those awaiting acknowledgement.
import type { AlarmView, ChangeNotice } from '../../../common/views.js';

export interface PendingNotice { readonly seq: number; readonly alarms: readonly AlarmView[] }

/** Notices the overview of head `seq` already includes are dropped. */
export function pendingAfter(pending: readonly PendingNotice[], seq: number): PendingNotice[] {
  return pending.filter((p) => p.seq > seq);
}

export function addNotice(pending: readonly PendingNotice[], notice: ChangeNotice): PendingNotice[] {
  return notice.alarms.length === 0 ? [...pending] : [...pending, { seq: notice.seq, alarms: notice.alarms }];
}

/** Unacknowledged critical alarms first (those still active before those that ended), then by time, newest first. */
export function alarmOrder(a: AlarmView, b: AlarmView): number {
  const rank = (x: AlarmView): number => (x.ack ? 4 : 0) + (x.severity === 'critical' ? 0 : 2) + (x.resolvedAt === null ? 0 : 1);
  return rank(a) - rank(b) || b.raisedAt - a.raisedAt || (a.id < b.id ? 1 : -1);
}

/** A critical alarm that ended unacknowledged: it stays before the desk until someone acknowledges it. */
export function awaitsAck(a: AlarmView): boolean {
  return a.severity === 'critical' && a.resolvedAt !== null && a.ack === null;
}

export interface LiveAlarms {
  /** Active alarms. */
  readonly active: AlarmView[];
  /** Critical alarms that ended unacknowledged. */
  readonly awaiting: AlarmView[];
}

export function liveAlarms(active: readonly AlarmView[], awaiting: readonly AlarmView[], pending: readonly PendingNotice[]): LiveAlarms {
  const now = new Map(active.map((a) => [a.id, a]));
  const ended = new Map(awaiting.map((a) => [a.id, a]));
  for (const p of pending) {
    for (const a of p.alarms) {
      now.delete(a.id);
      ended.delete(a.id);
      if (a.resolvedAt === null) now.set(a.id, a);
      else if (awaitsAck(a)) ended.set(a.id, a);
    }
  }
  return { active: [...now.values()].sort(alarmOrder), awaiting: [...ended.values()].sort(alarmOrder) };
}

/** An alarm that should sound: critical and nobody has acknowledged it (also when it has ended since). */
export function soundsAlarm(a: AlarmView): boolean {
  return a.severity === 'critical' && a.ack === null;
}
