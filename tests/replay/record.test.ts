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

  it('records each event as done by the actor its line names, else by the replay', () => {
    const file = join(dir, 'actors.jsonl');
    const db = join(dir, 'actors.db');
    const lines = [
      {
        at: '2026-03-02T08:00:00+08:00', type: 'area.configure', area: { id: 'A', name: '办案区' },
        rooms: [{ id: 'R1', name: '候问室', kind: 'waiting' }], readers: [{ id: 'RD1', room: 'R1', role: 'room' }], cameras: [],
      },
      { at: '2026-03-02T08:00:01+08:00', type: 'officer.register', actor: 'O9', officer: { id: 'O1', name: '民警一', gender: 'male', tag: 'TO1' } },
      { at: '2026-03-02T08:00:02+08:00', type: 'tag.read', reader: 'RD1', tag: 'TO1' },
      { at: '2026-03-02T08:00:03+08:00', type: 'tag.read', reader: 'RD1', tag: 'TX', actor: 'O1' },
      { at: '2026-03-02T08:00:04+08:00', type: 'tag.read', reader: 'RD1', tag: 'TY', actor: '' },
    ];
    writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
    expect(run([file, '--db', db]).status).toBe(0);
    const record = openDb(db);
    try {
      const rows = record.prepare("SELECT type, actor FROM events WHERE type NOT LIKE 'alarm.%' ORDER BY seq").all();
      expect(rows).toEqual([
        { type: 'area.configure', actor: 'replay' },
        { type: 'officer.register', actor: 'O9' },
        { type: 'tag.read', actor: 'replay' },
        { type: 'tag.read', actor: 'O1' },
        { type: 'tag.read', actor: 'replay' },
      ]);
    } finally {
      record.close();
    }
  });
});
