// Runs in its own process so that its peak memory is the replay's own: the replay passes (no
// record, as `npm run replay` without --db), the parse-only passes, and a timed replay pass for
// per-event latency. Two more kinds of pass tell where the replay's time goes: the replay's own
// reading of the lines alone (read_*: parsed and checked, no station), and the whole replay with a
// rule engine of no rules (no_rules_*: reading, deciding, recording and the state, no rules).
// Prints one JSON object, its figures named with the prefix given.
// The same pass takes up to a third more or less time from one run to the next on this machine,
// so each is made PASSES times and the median is the figure, with the fastest and slowest beside it.
// The first replay pass is the process's first: it compiles the code as it goes and grows the heap
// (its peak memory is the figure for memory), and takes about half as long again as the passes
// after it. It is given on its own (first_pass_seconds) and left out of the median, which is the
// cost of a replay once running; with it, the median of three was the slower of the other two, so
// one slow stretch of the machine made the figure.
import { fileLines } from '../main/replay/fileLines.js';
import { readAhead, replay } from '../main/replay/replay.js';
import { RuleEngine } from '../main/rules/engine.js';

const [file, prefix = 'replay'] = process.argv.slice(2);
if (!file) throw new Error('usage: replayWorker FILE [PREFIX]');

function seconds(from: bigint): number {
  return Number(process.hrtime.bigint() - from) / 1e9;
}

const PASSES = 3;
const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

const run = (timing?: (ns: number, recorded: boolean) => void): { seconds: number; alarms: number; rejected: number } => {
  const start = process.hrtime.bigint();
  const stats = replay(fileLines(file), null, () => undefined, timing ? { timing } : {});
  return { seconds: seconds(start), alarms: stats.alarms, rejected: stats.rejected };
};

const readOnly = (): number => {
  const start = process.hrtime.bigint();
  let n = 0;
  for (const { read } of readAhead(fileLines(file))) n += read.length;
  if (n === 0) throw new Error(`${file}: no lines`);
  return seconds(start);
};

const noRules = (): number => {
  const start = process.hrtime.bigint();
  replay(fileLines(file), null, () => undefined, { evaluator: new RuleEngine([]) });
  return seconds(start);
};

// The first replay comes first: its peak memory is the replay's own, in a heap nothing else grew.
const firstPass = run();
const peakRss = Math.round(process.resourceUsage().maxRSS / 1024);
const plainPasses: ReturnType<typeof run>[] = [];

let lines = 0;
const parsePasses: number[] = [];
const readPasses: number[] = [];
const noRulesPasses: number[] = [];
// One pass of each kind in turn: the machine's speed drifts, and this spreads the drift over all.
for (let pass = 0; pass < PASSES; pass++) {
  const t = process.hrtime.bigint();
  lines = 0;
  for (const line of fileLines(file)) {
    if (line === '' || line.startsWith('#')) continue;
    JSON.parse(line);
    lines += 1;
  }
  parsePasses.push(seconds(t));
  readPasses.push(readOnly());
  noRulesPasses.push(noRules());
  plainPasses.push(run());
}
const parseOnly = median(parsePasses);

// Every pass must come to the same: a replay is deterministic.
for (const p of plainPasses) {
  if (p.alarms !== firstPass.alarms || p.rejected !== firstPass.rejected) throw new Error(`replay passes differ: ${JSON.stringify([firstPass, ...plainPasses])}`);
}
const replaySeconds = plainPasses.map((p) => p.seconds);
const plain = { seconds: median(replaySeconds), alarms: firstPass.alarms, rejected: firstPass.rejected };
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
  seconds_fastest: Number(Math.min(...replaySeconds).toFixed(3)),
  seconds_slowest: Number(Math.max(...replaySeconds).toFixed(3)),
  first_pass_seconds: Number(firstPass.seconds.toFixed(3)),
  parse_only_seconds: Number(parseOnly.toFixed(3)),
  parse_only_seconds_fastest: Number(Math.min(...parsePasses).toFixed(3)),
  parse_only_seconds_slowest: Number(Math.max(...parsePasses).toFixed(3)),
  to_parse_ratio: Number((plain.seconds / parseOnly).toFixed(2)),
  read_seconds: Number(median(readPasses).toFixed(3)),
  read_to_parse_ratio: Number((median(readPasses) / parseOnly).toFixed(2)),
  no_rules_seconds: Number(median(noRulesPasses).toFixed(3)),
  no_rules_to_parse_ratio: Number((median(noRulesPasses) / parseOnly).toFixed(2)),
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
