// The head witness: a small file outside the database saying which event was the record's head,
// kept in the data folder and, when one is configured, in the backup folder. Losing the last
// events of a record leaves an intact, shorter chain that checks out on its own; the witness
// remembers that the chain once reached further. It is also the station's verified point: the
// station verified the chain up to it, and every event after it the station appended itself, so a
// start needs to check the chain only from the witness on — and that the witness's event still
// has the witnessed hash, which a record rewritten from any earlier event no longer has.
//
// Written after commits (at most once per WRITE_DELAY_MS, not a flush per event) and at shutdown.
// A backup folder may serve several stations: there the witness is named after the record (the
// hash of its first event), so that one station's witness is never taken for another's.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { KnownHead } from '../core/store/verify.js';
import { writePrivateFile } from './privateFiles.js';

export const WITNESS_FILE = 'head-witness.json';

export interface RecordPlaces {
  readonly dataDir: string;
  /** The configured backup folder, if any. */
  readonly backupDir: string | null;
}

/** The witness of the record whose first event has hash `record`, in a backup folder. */
export function backupWitnessPath(backupDir: string, record: string): string {
  return join(backupDir, `head-witness-${record.slice(0, 16)}.json`);
}

/** Where the witnesses of a record are (`record`: its first event's hash; null: not known). */
export function witnessPaths(places: RecordPlaces, record: string | null): string[] {
  const data = join(places.dataDir, WITNESS_FILE);
  return places.backupDir && record ? [data, backupWitnessPath(places.backupDir, record)] : [data];
}
const FORMAT = 'custody-station head witness';
const WRITE_DELAY_MS = 1000;

export interface WitnessedHead {
  /** The hash of the record's first event: which record this is. */
  readonly record: string;
  readonly seq: number;
  readonly hash: string;
  /** The head event's instant (UTC ms). */
  readonly at: number;
}

interface WitnessFile extends WitnessedHead {
  readonly format: string;
  /** The data folder whose record it witnesses (a backup folder's witness says whose it is). */
  readonly dataDir: string;
  readonly writtenAt: number;
}

export type WitnessRead =
  | { readonly path: string; readonly head: KnownHead; readonly record: string; readonly dataDir: string }
  | { readonly path: string; readonly error: string };

function parseWitness(text: string): WitnessFile | null {
  let v: unknown;
  try { v = JSON.parse(text); } catch { return null; }
  if (!v || typeof v !== 'object') return null;
  const w = v as Record<string, unknown>;
  const hex = (x: unknown): boolean => typeof x === 'string' && /^[0-9a-f]{64}$/.test(x);
  const ok = w.format === FORMAT && hex(w.record) && Number.isInteger(w.seq) && (w.seq as number) >= 0 && hex(w.hash) && typeof w.at === 'number' && typeof w.writtenAt === 'number'
    && typeof w.dataDir === 'string';
  return ok ? (w as unknown as WitnessFile) : null;
}

/** The witness at `path`: null when there is none, an error when it cannot be read. */
export function readWitness(path: string): WitnessRead | null {
  if (!existsSync(path)) return null;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    return { path, error: (err as Error).message };
  }
  const w = parseWitness(text);
  if (!w) return { path, error: '链头见证文件内容无效' };
  return { path, record: w.record, dataDir: w.dataDir, head: { source: 'witness', path, seq: w.seq, hash: w.hash, at: w.at } };
}

export function writeWitness(path: string, dataDir: string, head: WitnessedHead, writtenAt: number): void {
  const file: WitnessFile = { format: FORMAT, record: head.record, dataDir: resolve(dataDir), seq: head.seq, hash: head.hash, at: head.at, writtenAt };
  writePrivateFile(path, `${JSON.stringify(file)}\n`);
}

/** Every readable witness a backup folder keeps, with the data folder and record it belongs to. */
export function backupFolderWitnesses(backupDir: string): (KnownHead & { record: string; dataDir: string })[] {
  let names: string[];
  try {
    names = readdirSync(backupDir).filter((n) => /^head-witness-[0-9a-f]{16}\.json$/.test(n));
  } catch {
    return [];
  }
  return names.flatMap((n) => {
    const w = readWitness(join(backupDir, n));
    return w && 'head' in w ? [{ ...w.head, record: w.record, dataDir: w.dataDir }] : [];
  });
}

/** Keeps the record's witnesses following its head. */
export class WitnessKeeper {
  private timer: NodeJS.Timeout | null = null;
  private written: string | null = null;
  /** Files whose last write failed (said once, not every second). */
  private readonly failing = new Set<string>();

  constructor(
    private readonly places: RecordPlaces,
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
    for (const path of witnessPaths(this.places, head.record)) {
      try {
        writeWitness(path, this.places.dataDir, head, this.now());
        if (this.failing.delete(path)) this.log(`station: head witness ${path} written again`);
      } catch (err) {
        all = false;
        if (!this.failing.has(path)) this.log(`station: could not write the head witness ${path}: ${(err as Error).message}`);
        this.failing.add(path);
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
