// A replay prints the same bytes whether it keeps a record (--db, written in batches) or none,
// and the record it keeps is one a station can start on: the chain verifies, and a snapshot of
// the state at its last event is there.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Station } from '../../main/core/station.js';
import { openDb } from '../../main/core/store/db.js';
import { verifyChain } from '../../main/core/store/verify.js';
import { REPLAY_BATCH } from '../../main/replay/replay.js';
import { randomLines } from '../helpers/randomLines.js';
import { REPO } from '../helpers/stationProcess.js';

const SCENARIOS = join(import.meta.dirname, '..', 'scenarios', 'files');

describe('npm run replay with and without --db', () => {
  const dir = mkdtempSync(join(tmpdir(), 'replay-db-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'main/cli/replay.ts'), ...args], { cwd: REPO, encoding: 'utf8', maxBuffer: 1 << 26 });

  const files: [string, string][] = readdirSync(SCENARIOS).filter((f) => f.endsWith('.jsonl') && !f.endsWith('.expected.jsonl')).map((f) => [f, join(SCENARIOS, f)]);
  // More lines than a batch, so that the record is committed more than once.
  const busy = join(dir, 'busy.jsonl');
  writeFileSync(busy, `${[...randomLines(21, Math.round(REPLAY_BATCH * 2.5))].join('\n')}\n`);
  files.push(['random lines', busy]);

  for (const [name, file] of files) {
    it(`prints the same bytes: ${name}`, () => {
      const plain = run([file]);
      const db = join(dir, `${name.replace(/\W/g, '_')}.db`);
      const kept = run([file, '--db', db]);
      expect(plain.status).toBe(0);
      expect(kept.status).toBe(0);
      expect(plain.stdout.length).toBeGreaterThan(0);
      expect(kept.stdout).toBe(plain.stdout);

      const record = openDb(db);
      try {
        const chain = verifyChain(record);
        expect(chain.ok).toBe(true);
        const snapshot = record.prepare('SELECT seq, hash FROM state_snapshots').all();
        expect(snapshot).toEqual([{ seq: chain.events, hash: chain.ok ? chain.headHash : '' }]);
        const log: string[] = [];
        const station = new Station(record, { now: () => 0, log: (line) => log.push(line) });
        expect(log).toEqual([`station: state from the snapshot at event ${chain.events}; applied the 0 events after it`]);
        expect(station.store.count()).toBe(chain.events);
      } finally {
        record.close();
      }
    }, 120_000);
  }
});
