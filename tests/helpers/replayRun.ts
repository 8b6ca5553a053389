// Runs a scenario (file or inline lines) through the replay core with an in-memory record.
import { readFileSync } from 'node:fs';
import { openDb } from '../../main/core/store/db.js';
import { replay, type ReplayOutput } from '../../main/replay/replay.js';

export function replayLines(lines: readonly string[]): ReplayOutput[] {
  const db = openDb(':memory:');
  const out: ReplayOutput[] = [];
  try {
    replay(lines, db, (o) => out.push(o));
  } finally {
    db.close();
  }
  return out;
}

export function replayFile(path: string): ReplayOutput[] {
  return replayLines(readFileSync(path, 'utf8').split('\n'));
}

/**
 * The fields the contract fixes, as a sortable string (outputs are compared as sets). A rejection's
 * reason counts when `withReason` says so (an expected file fixes it for the lines that show one).
 */
export function contractKey(o: Record<string, unknown>, withReason = false): string {
  if ('rejected' in o) return JSON.stringify({ rejected: o.rejected, line: o.line, ...(withReason ? { reason: o.reason } : {}) });
  return JSON.stringify({ at: o.at, alarm: o.alarm, subject: o.subject, severity: o.severity, state: o.state });
}
