// Runs in its own process so that its peak memory is the replay's own: the parse-only pass, the
// replay pass (no record, as `npm run replay` without --db), and a timed replay pass for per-event
// latency. Prints one JSON object, its figures named with the prefix given.
import { fileLines } from '../main/replay/fileLines.js';
import { replay } from '../main/replay/replay.js';

const [file, prefix = 'replay'] = process.argv.slice(2);
if (!file) throw new Error('usage: replayWorker FILE [PREFIX]');

function seconds(from: bigint): number {
  return Number(process.hrtime.bigint() - from) / 1e9;
}

let t = process.hrtime.bigint();
let lines = 0;
for (const line of fileLines(file)) {
  if (line === '' || line.startsWith('#')) continue;
  JSON.parse(line);
  lines += 1;
}
const parseOnly = seconds(t);

const run = (timing?: (ns: number, recorded: boolean) => void): { seconds: number; alarms: number; rejected: number } => {
  const start = process.hrtime.bigint();
  const stats = replay(fileLines(file), null, () => undefined, timing ? { timing } : {});
  return { seconds: seconds(start), alarms: stats.alarms, rejected: stats.rejected };
};

t = process.hrtime.bigint();
const plain = run();
// The peak memory of the plain pass: the timed one keeps a latency per line besides.
const peakRss = Math.round(process.resourceUsage().maxRSS / 1024);
const all = new Float64Array(lines);
const recorded: number[] = [];
let n = 0;
run((ns, changed) => {
  all[n++] = ns;
  if (changed) recorded.push(ns);
});
const pct = (xs: ArrayLike<number> & { length: number }, p: number): number => ((xs[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? 0) / 1e6);
const sortedAll = all.subarray(0, n).sort();
const sortedRecorded = Float64Array.from(recorded).sort();

const figures: Record<string, number> = {
  lines,
  lines_per_s: Math.round(lines / plain.seconds),
  seconds: Number(plain.seconds.toFixed(3)),
  parse_only_seconds: Number(parseOnly.toFixed(3)),
  to_parse_ratio: Number((plain.seconds / parseOnly).toFixed(2)),
  event_latency_p50_ms: Number(pct(sortedAll, 0.5).toFixed(4)),
  event_latency_p99_ms: Number(pct(sortedAll, 0.99).toFixed(4)),
  event_latency_max_ms: Number(pct(sortedAll, 1).toFixed(3)),
  // Events that changed the state: recorded, and the rules evaluated for what they touched.
  state_changes: recorded.length,
  state_change_latency_p50_ms: Number(pct(sortedRecorded, 0.5).toFixed(4)),
  state_change_latency_p99_ms: Number(pct(sortedRecorded, 0.99).toFixed(4)),
  alarm_transitions: plain.alarms,
  rejected: plain.rejected,
  peak_rss_mb: peakRss,
};
process.stdout.write(`${JSON.stringify(Object.fromEntries(Object.entries(figures).map(([k, v]) => [`${prefix}_${k}`, v])))}\n`);
