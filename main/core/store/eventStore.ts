// Appends events to the chain and reads them back. Appending is always done inside the caller's
// transaction, together with the projection update.
import type { Statement } from 'better-sqlite3';
import type { DomainEvent, RecordedEvent } from '../../../common/events.js';
import { canonicalJson } from './canonical.js';
import { chainHash, GENESIS_HASH } from './chain.js';
import type { Db } from './db.js';

interface Row { seq: number; at: number; type: string; actor: string; payload: string }

export class EventStore {
  private readonly insert: Statement;
  private readonly insertSubject: Statement;
  private headSeq = 0;
  private headHash = GENESIS_HASH;

  constructor(private readonly db: Db) {
    this.insert = db.prepare('INSERT INTO events (seq, at, type, actor, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.insertSubject = db.prepare('INSERT OR IGNORE INTO event_subjects (subject, seq) VALUES (?, ?)');
    this.reloadHead();
  }

  /** Re-reads the head from disk (after a failed transaction rolled back). */
  reloadHead(): void {
    const row = this.db.prepare('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
    this.headSeq = row?.seq ?? 0;
    this.headHash = row?.hash ?? GENESIS_HASH;
  }

  get head(): { seq: number; hash: string } {
    return { seq: this.headSeq, hash: this.headHash };
  }

  /** Must run inside a transaction. */
  append(event: DomainEvent, at: number, actor: string, subjects: readonly string[]): RecordedEvent {
    const seq = this.headSeq + 1;
    const payload = canonicalJson(event.payload);
    const hash = chainHash(this.headHash, { seq, at, type: event.type, actor, payload });
    this.insert.run(seq, at, event.type, actor, payload, this.headHash, hash);
    for (const s of subjects) this.insertSubject.run(s, seq);
    this.headSeq = seq;
    this.headHash = hash;
    return { ...event, seq, at, actor } as RecordedEvent;
  }

  /** The events after `seq` (0: all of them), in order. */
  *readAfter(seq = 0): IterableIterator<RecordedEvent> {
    const rows = this.db.prepare('SELECT seq, at, type, actor, payload FROM events WHERE seq > ? ORDER BY seq').iterate(seq) as IterableIterator<Row>;
    for (const row of rows) yield rowToEvent(row);
  }

  /** The hash of event `seq`, if the record holds it. */
  hashAt(seq: number): string | null {
    return (this.db.prepare('SELECT hash FROM events WHERE seq = ?').get(seq) as { hash: string } | undefined)?.hash ?? null;
  }

  count(): number {
    return this.headSeq;
  }
}

export function rowToEvent(row: { seq: number; at: number; type: string; actor: string; payload: string }): RecordedEvent {
  return { seq: row.seq, at: row.at, type: row.type, actor: row.actor, payload: JSON.parse(row.payload) as unknown } as RecordedEvent;
}
