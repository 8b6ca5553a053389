// Snapshots of the area state and the rule engine's memory, in the record's database. A start
// that finds one matching the chain applies only the events after it instead of the whole record.
// It is a cache: missing, of another format, not on this chain or damaged, it is not used and the
// state is rebuilt from the record, which stays the only source of truth (the audit never reads
// a snapshot). One is kept, the latest.
import { createHash } from 'node:crypto';
import type { SnapshotRead } from '../eventLog.js';
import { decodeState, encodeState, STATE_FORMAT, type EncodedState } from '../state/stateCodec.js';
import type { AreaState } from '../state/model.js';
import type { EngineMemory } from '../../rules/engine.js';
import type { Db } from './db.js';
import type { ChainPoint } from './verify.js';

interface Body { readonly state: EncodedState; readonly engine: EngineMemory }
interface Row { seq: number; hash: string; format: number; body: string; sha256: string }

const digest = (text: string): string => createHash('sha256').update(text).digest('hex');

export interface SavedSnapshot { readonly seq: number; readonly bytes: number }

/** Replaces the snapshot with the state and engine memory as of event `at.seq`. */
export function saveSnapshot(db: Db, at: ChainPoint, takenAt: number, state: AreaState, engine: EngineMemory): SavedSnapshot {
  const body = JSON.stringify({ state: encodeState(state), engine } satisfies Body);
  db.transaction(() => {
    db.prepare('DELETE FROM state_snapshots').run();
    db.prepare('INSERT INTO state_snapshots (seq, hash, format, taken_at, body, sha256) VALUES (?, ?, ?, ?, ?, ?)')
      .run(at.seq, at.hash, STATE_FORMAT, takenAt, body, digest(body));
  }).immediate();
  return { seq: at.seq, bytes: Buffer.byteLength(body) };
}

/**
 * The latest snapshot, if it can be used on this record: of this format, undamaged, and taken at
 * an event the record holds with the same hash (`hashAt`). The chain from there on is the start-up
 * check's to verify (main/host/recordCheck.ts), not this one's.
 */
export function readSnapshot(db: Db, hashAt: (seq: number) => string | null): SnapshotRead {
  const row = db.prepare('SELECT seq, hash, format, body, sha256 FROM state_snapshots ORDER BY seq DESC LIMIT 1').get() as Row | undefined;
  if (!row) return { kind: 'none' };
  const unusable = (why: string): SnapshotRead => ({ kind: 'unusable', seq: row.seq, why });
  if (row.format !== STATE_FORMAT) return unusable(`it is of format ${row.format}, this station reads format ${STATE_FORMAT}`);
  const recorded = hashAt(row.seq);
  if (recorded === null) return unusable(`the record has no event ${row.seq}`);
  if (recorded !== row.hash) return unusable(`event ${row.seq} of the record is not the one it was taken at (another hash)`);
  if (digest(row.body) !== row.sha256) return unusable('its content does not match its digest (damaged)');
  try {
    const body = JSON.parse(row.body) as Body;
    return { kind: 'usable', seq: row.seq, state: decodeState(body.state), engine: body.engine };
  } catch (err) {
    return unusable(`it cannot be read (${(err as Error).message})`);
  }
}
