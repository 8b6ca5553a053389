// Runs a scenario (file or inline lines) through the replay core, keeping no record (as
// `npm run replay` does without --db; tests/replay/record.test.ts holds both outputs equal).
import { readFileSync } from 'node:fs';
import { replay, type ReplayOutput } from '../../main/replay/replay.js';

export function replayLines(lines: readonly string[]): ReplayOutput[] {
  const out: ReplayOutput[] = [];
  replay(lines, null, (o) => out.push(o));
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
