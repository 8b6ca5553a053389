// What the start-up check of the record costs on a large record: walking from the head witness
// (what every start does) against walking the whole chain (what `npm run audit -- verify` does).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../main/core/store/db.js';
import { EventStore } from '../main/core/store/eventStore.js';
import { recordIdentity, verifyChain } from '../main/core/store/verify.js';
import { WITNESS_FILE, writeWitness } from '../main/host/headWitness.js';
import { openCheckedRecord } from '../main/host/recordCheck.js';

const ms = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;

export async function benchStartCheck(events = 200_000): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-start-'));
  try {
    const db = openDb(join(dir, 'station.db'));
    const store = new EventStore(db);
    const t = Date.UTC(2026, 2, 2);
    // Synthetic events (the chain does not care what they say): one transaction, no projections.
    db.transaction(() => {
      for (let i = 0; i < events; i++) store.append({ type: 'care.rest', payload: { personId: 'P1', note: `rest ${i}` } }, t + i, 'E001', []);
    }).immediate();
    writeWitness(join(dir, WITNESS_FILE), dir, { ...store.head, record: recordIdentity(db) ?? '', at: t + events }, t + events);
    db.close();

    const t0 = process.hrtime.bigint();
    const checked = openCheckedRecord({ dataDir: dir, backupDir: null, timeZone: 'Asia/Shanghai', log: () => undefined });
    const startCheck = ms(t0);
    const t1 = process.hrtime.bigint();
    const full = verifyChain(checked.db);
    const fullVerify = ms(t1);
    checked.db.close();
    if (!full.ok || full.events !== events) throw new Error('the bench record did not verify');
    return {
      record_events: events,
      start_check_ms: Math.round(startCheck * 10) / 10,
      full_verify_ms: Math.round(fullVerify),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
