// Replay throughput on a generated 24-hour day (40 rooms, 300 persons, about a million lines,
// mostly tag reads), against the time to merely read and JSON.parse the same file.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDayScenario } from './dayScenario.js';

export async function benchReplay(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-replay-'));
  try {
    const file = join(dir, 'day.jsonl');
    const day = await writeDayScenario(file);
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'replayWorker.ts'), file], { encoding: 'utf8', maxBuffer: 1 << 20 });
    return { replay_rooms: day.rooms, replay_persons: day.persons, ...(JSON.parse(out) as Record<string, number>) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('replay.ts')) console.log(JSON.stringify(await benchReplay()));
