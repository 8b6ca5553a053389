// npm run bench: every performance figure of the station in one JSON object on stdout.
// Figures come from the bench modules in bench/; each is run in turn on this machine.
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../host/rendererBuild.js';

type BenchFn = () => Promise<Record<string, number>>;
const MODULES: readonly [file: string, fn: string][] = [
  ['store.ts', 'benchStore'], ['startCheck.ts', 'benchStartCheck'], ['replay.ts', 'benchReplay'], ['live.ts', 'benchLive'], ['startup.ts', 'benchStartup'],
  ['rfid.ts', 'benchRfid'], ['camera.ts', 'benchCamera'], ['ui.ts', 'benchUi'], ['county.ts', 'benchCounty'], ['recordings.ts', 'benchRecordings'],
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  // Times are wall-clock times on a machine others may be using: its load is part of the figures.
  const figures: Record<string, number | string> = { bench_at: new Date().toISOString(), bench_cpus: availableParallelism(), bench_load_1m_at_start: loadavg()[0] ?? 0 };
  for (const [file, fn] of MODULES) {
    if (only.length && !only.some((o) => file.startsWith(o))) continue;
    const path = join(REPO_ROOT, 'bench', file);
    if (!existsSync(path)) continue;
    const mod = (await import(path)) as Record<string, BenchFn | undefined>;
    const run = mod[fn];
    if (!run) throw new Error(`bench/${file} does not export ${fn}`);
    process.stderr.write(`bench: ${file}…\n`);
    Object.assign(figures, await run());
  }
  figures.bench_load_1m_at_end = loadavg()[0] ?? 0;
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench: ${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
});
