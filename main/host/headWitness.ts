// The head witness: a small file outside the database saying which event was the record's head,
// kept in the data folder and, when one is configured, in the backup folder. Losing the last
// events of a record leaves an intact, shorter chain that checks out on its own; the witness
// remembers that the chain once reached further. It is also the station's verified point: the
// station verified the chain up to it, and every event after it the station appended itself, so a
// start needs to check the chain only from the witness on — and that the witness's event still
// has the witnessed hash, which a record rewritten from any earlier event no longer has.
//
// Written after commits (at most once per WRITE_DELAY_MS, not a flush per event) and at shutdown.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KnownHead } from '../core/store/verify.js';
import { writePrivateFile } from './privateFiles.js';

export const WITNESS_FILE = 'head-witness.json';
const FORMAT = 'custody-station head witness';
const WRITE_DELAY_MS = 1000;

export interface WitnessedHead {
  readonly seq: number;
  readonly hash: string;
  /** The head event's instant (UTC ms). */
  readonly at: number;
}

interface WitnessFile extends WitnessedHead { readonly format: string; readonly writtenAt: number }

export type WitnessRead = { readonly path: string; readonly head: KnownHead } | { readonly path: string; readonly error: string };

function parseWitness(text: string): WitnessFile | null {
  let v: unknown;
  try { v = JSON.parse(text); } catch { return null; }
  if (!v || typeof v !== 'object') return null;
  const w = v as Record<string, unknown>;
  const ok = w.format === FORMAT && Number.isInteger(w.seq) && (w.seq as number) >= 0 && typeof w.hash === 'string'
    && /^[0-9a-f]{64}$/.test(w.hash) && typeof w.at === 'number' && typeof w.writtenAt === 'number';
  return ok ? (w as unknown as WitnessFile) : null;
}

/** The witness in `dir`: null when there is none, an error when it cannot be read. */
export function readWitness(dir: string): WitnessRead | null {
  const path = join(dir, WITNESS_FILE);
  if (!existsSync(path)) return null;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    return { path, error: (err as Error).message };
  }
  const w = parseWitness(text);
  if (!w) return { path, error: '链头见证文件内容无效' };
  return { path, head: { source: 'witness', path, seq: w.seq, hash: w.hash, at: w.at } };
}

export function writeWitness(dir: string, head: WitnessedHead, writtenAt: number): void {
  const file: WitnessFile = { format: FORMAT, seq: head.seq, hash: head.hash, at: head.at, writtenAt };
  writePrivateFile(join(dir, WITNESS_FILE), `${JSON.stringify(file)}\n`);
}

/** Keeps the witnesses in `dirs` following the record's head. */
export class WitnessKeeper {
  private timer: NodeJS.Timeout | null = null;
  private written: string | null = null;
  /** Folders whose last write failed (said once, not every second). */
  private readonly failing = new Set<string>();

  constructor(
    private readonly dirs: readonly string[],
    private readonly head: () => WitnessedHead,
    private readonly now: () => number,
    private readonly log: (line: string) => void,
  ) {}

  /** After a commit: the witness follows within WRITE_DELAY_MS. */
  noteCommit(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush();
    }, WRITE_DELAY_MS);
    this.timer.unref();
  }

  /** Writes the head now (at start, after a backup, at shutdown). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const head = this.head();
    if (head.seq === 0 || this.written === head.hash) return;
    let all = true;
    for (const dir of this.dirs) {
      try {
        writeWitness(dir, head, this.now());
        if (this.failing.delete(dir)) this.log(`station: head witness in ${dir} written again`);
      } catch (err) {
        all = false;
        if (!this.failing.has(dir)) this.log(`station: could not write the head witness in ${dir}: ${(err as Error).message}`);
        this.failing.add(dir);
      }
    }
    if (all) this.written = head.hash;
  }

  stop(): void {
    this.flush();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
