// The station is killed with SIGKILL at random moments while commands stream in, fifty times over
// the same data folder. Every command it acknowledged must be in the record afterwards, the chain
// must verify, and the station must start again on what the crash left.
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../main/core/store/db.js';
import { verifyChain } from '../../main/core/store/verify.js';
import { startStation } from '../helpers/stationProcess.js';

const ROUNDS = 50;
const dir = mkdtempSync(join(tmpdir(), 'station-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Ack { ok: boolean; seq: number | null }

describe('SIGKILL during a stream of commands', () => {
  it(`loses no acknowledged command over ${ROUNDS} kills`, async () => {
    const acked: { marker: string; seq: number }[] = [];
    let killedWithUnacked = 0;
    let record = '';
    for (let round = 0; round < ROUNDS; round++) {
      // The example area: enough of an area to record people in, with no set-up first.
      const st = await startStation(dir, ['--example']);
      record = st.record;
      const auth = round === 0
        ? await st.call<{ ok: boolean }>('setup', { officerId: 'K1', name: '值班民警', gender: 'male', password: 'durable123' })
        : await st.call<{ ok: boolean }>('login', { account: 'K1', password: 'durable123' });
      expect(auth.body.ok, st.stderr()).toBe(true);
      const personId = `R${round}`;
      const entered = await st.call<Ack>('submit', { command: { type: 'person.enter', person: { id: personId, name: `轮次${round}`, gender: 'male', birthDate: '1990-01-01', role: 'witness' } } });
      expect(entered.body.ok).toBe(true);
      acked.push({ marker: `enter:${personId}`, seq: entered.body.seq ?? -1 });
      // Kill after a random delay while commands keep going out, one after the other.
      const killAfter = 20 + Math.floor(Math.random() * 250);
      let stop = false;
      const stream = (async () => {
        for (let n = 0; !stop; n++) {
          const note = `${personId}-${n}`;
          try {
            const r = await st.call<Ack>('submit', { command: { type: 'care.rest', personId, note } });
            if (r.body.ok && r.body.seq !== null) acked.push({ marker: `rest:${note}`, seq: r.body.seq });
          } catch {
            killedWithUnacked += 1; // the request was in flight when the process died: not acknowledged
            return;
          }
        }
      })();
      await new Promise((r) => setTimeout(r, killAfter));
      st.child.kill('SIGKILL');
      stop = true;
      await once(st.child, 'exit').catch(() => undefined);
      await stream;
    }

    const db = openDb(record);
    try {
      const verified = verifyChain(db);
      expect(verified.ok).toBe(true);
      const bySeq = db.prepare('SELECT type, payload FROM events WHERE seq = ?');
      for (const a of acked) {
        const row = bySeq.get(a.seq) as { type: string; payload: string } | undefined;
        expect(row, `acknowledged ${a.marker} (seq ${a.seq}) is missing`).toBeDefined();
        if (!row) continue;
        const p = JSON.parse(row.payload) as { note?: string; person?: { id: string } };
        const marker = row.type === 'care.rest' ? `rest:${p.note ?? ''}` : `enter:${p.person?.id ?? ''}`;
        expect(marker).toBe(a.marker);
      }
      expect(acked.length).toBeGreaterThan(ROUNDS * 2);
    } finally {
      db.close();
    }
    // Most kills land while a request is in flight: the test really races the write.
    expect(killedWithUnacked).toBeGreaterThan(ROUNDS / 2);
  }, 600_000); // fifty starts: about 80 s on a free machine, several times that when the machine is shared
});
