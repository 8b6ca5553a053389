// Ids the desk gives to new persons and sessions. The station only requires them to be unique;
// these are readable on paper: P20260302-003 is the third person registered that day.
import type { StationBridge } from '../../../common/api.js';
import { compactDate } from '../../../common/zonedTime.js';

export async function nextPersonId(bridge: StationBridge, now: number, timeZone: string): Promise<string> {
  const prefix = `P${compactDate(now, timeZone)}-`;
  const same = await bridge.invoke('persons', { status: 'all', text: prefix, limit: 10_000 });
  const used = same.map((p) => (p.id.startsWith(prefix) ? Number(p.id.slice(prefix.length)) : 0)).filter(Number.isFinite);
  const next = Math.max(0, ...used) + 1;
  return `${prefix}${String(next).padStart(3, '0')}`;
}

/** A session id from its person's id and how many sessions the person had. */
export function sessionId(personId: string, sessionsSoFar: number): string {
  return `${personId}-S${sessionsSoFar + 1}`;
}
