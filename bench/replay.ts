// Replay throughput on two generated 24-hour days of a 40-room area, each against the time to
// merely read and JSON.parse the same file:
// - the realistic day (dayScenario.ts: 300 persons, about a million lines, mostly tag reads that
//   confirm where someone already is): figures replay_*;
// - the move-heavy day (moveDay.ts: 300 persons and 40 officers, a million lines, every
//   wristband read moves someone): figures replay_moves_*.
// Each runs in its own process (replayWorker.ts), so that its peak memory is its own.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDayScenario } from './dayScenario.js';
import { writeMoveDay } from './moveDay.js';

function work(file: string, prefix: string): Record<string, number> {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'replayWorker.ts'), file, prefix], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out) as Record<string, number>;
}

export async function benchReplay(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-replay-'));
  try {
    const dayFile = join(dir, 'day.jsonl');
    const day = await writeDayScenario(dayFile);
    const realistic = { replay_rooms: day.rooms, replay_persons: day.persons, ...work(dayFile, 'replay') };
    rmSync(dayFile);
    const movesFile = join(dir, 'moves.jsonl');
    const moves = await writeMoveDay(movesFile);
    return { ...realistic, replay_moves_rooms: moves.rooms, replay_moves_persons: moves.persons, replay_moves_officers: moves.officers, ...work(movesFile, 'replay_moves') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('replay.ts')) console.log(JSON.stringify(await benchReplay()));
