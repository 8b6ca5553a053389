// What retention may do with a recording file, as the record says: a segment linked to a person
// is evidence and is kept for ever, and so is one exported as evidence (linked export:ID); a file
// the record does not know yet (still being checked) is kept too; anything else may go once it is
// old enough, and its deletion is noted on its row.
import type { Statement } from 'better-sqlite3';
import type { Db } from './db.js';

export interface SegmentRetention {
  /** Whether the file at `path` must be kept whatever its age. */
  mustKeep(path: string): boolean;
  /** Notes that retention deleted the file at `path`. */
  markDeleted(path: string, at: number): void;
}

export class SegmentStore implements SegmentRetention {
  private readonly evidence: Statement<[string]>;
  private readonly known: Statement<[string]>;
  private readonly deleted: Statement<[number, string]>;

  constructor(db: Db) {
    this.evidence = db.prepare(`SELECT 1 FROM segments s JOIN segment_links l ON l.seq = s.seq
                                WHERE s.path = ? AND (l.subject LIKE 'person:%' OR l.subject LIKE 'export:%') LIMIT 1`);
    this.known = db.prepare('SELECT 1 FROM segments WHERE path = ? LIMIT 1');
    this.deleted = db.prepare('UPDATE segments SET deleted_at = ? WHERE path = ?');
  }

  mustKeep(path: string): boolean {
    return this.evidence.get(path) !== undefined || this.known.get(path) === undefined;
  }

  markDeleted(path: string, at: number): void {
    this.deleted.run(at, path);
  }
}
