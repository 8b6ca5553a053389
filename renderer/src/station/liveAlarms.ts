// Active alarms as the page shows them: the last overview, plus what change notices reported after
// it. A notice carries the alarms it touched, so a new alarm shows at once instead of after the
// next overview round trip (the alarm bar's latency is what the desk feels).
import type { AlarmView, ChangeNotice } from '../../../common/views.js';

export interface PendingNotice { readonly seq: number; readonly alarms: readonly AlarmView[] }

/** Notices the overview of head `seq` already includes are dropped. */
export function pendingAfter(pending: readonly PendingNotice[], seq: number): PendingNotice[] {
  return pending.filter((p) => p.seq > seq);
}

export function addNotice(pending: readonly PendingNotice[], notice: ChangeNotice): PendingNotice[] {
  return notice.alarms.length === 0 ? [...pending] : [...pending, { seq: notice.seq, alarms: notice.alarms }];
}

/** Unacknowledged critical alarms first, then by time, newest first. */
export function alarmOrder(a: AlarmView, b: AlarmView): number {
  const rank = (x: AlarmView): number => (x.ack ? 2 : 0) + (x.severity === 'critical' ? 0 : 1);
  return rank(a) - rank(b) || b.raisedAt - a.raisedAt || (a.id < b.id ? 1 : -1);
}

export function activeAlarms(base: readonly AlarmView[], pending: readonly PendingNotice[]): AlarmView[] {
  const byId = new Map(base.map((a) => [a.id, a]));
  for (const p of pending) {
    for (const a of p.alarms) {
      if (a.resolvedAt === null) byId.set(a.id, a);
      else byId.delete(a.id);
    }
  }
  return [...byId.values()].sort(alarmOrder);
}

/** An alarm that should sound: critical, still active, nobody has acknowledged it. */
export function soundsAlarm(a: AlarmView): boolean {
  return a.severity === 'critical' && a.resolvedAt === null && a.ack === null;
}
