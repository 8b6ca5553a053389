// Loss of the record is noticed. A record is written with a backup half-way, then damaged behind
// the station's back: its tail deleted (after the backup, and past it), the file emptied, removed
// or garbled, its history rewritten and re-chained. `npm run audit -- verify` names the problem
// and exits 1; the station refuses to start, naming the problem and the latest verified backup;
// `npm run station -- --restore BACKUP` brings the backup's events back and keeps the damaged
// database aside. The data folder is the station user's alone.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, unlinkSync, writeFileSync, openSync, writeSync, closeSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chainHash } from '../../main/core/store/chain.js';
import { openDb } from '../../main/core/store/db.js';
import { parseConfig } from '../../main/host/config.js';
import { backupWitnessPath, WITNESS_FILE, writeWitness } from '../../main/host/headWitness.js';
import { StartupError } from '../../main/host/startupError.js';
import { restoreBackup } from '../../main/host/restore.js';
import { StationHost } from '../../main/host/stationHost.js';
import type { BackupView } from '../../common/views.js';
import { T0 } from '../helpers/fakeTime.js';
import { refusedStation, REPO, startStation } from '../helpers/stationProcess.js';

let root: string;
let dataDir: string;
let backupDir: string;
let configFile: string;
let dbPath: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'station-loss-'));
  dataDir = join(root, 'data');
  backupDir = join(root, 'backups');
  configFile = join(root, 'station.json');
  dbPath = join(dataDir, 'station.db');
  writeFileSync(configFile, JSON.stringify({ backup: { dir: backupDir, hour: 3 } }));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const config = () => parseConfig({ backup: { dir: backupDir, hour: 3 } }, 'test');
const open = (): StationHost => new StationHost({ dataDir, config: config(), log: () => undefined, now: () => T0 });

const witness = (n: number) => ({ type: 'person.enter', person: { id: `W${n}`, name: `证人${n}`, gender: 'female', birthDate: '1990-01-01', role: 'witness' } });

/** Six persons registered, a verified backup after the third; the station shut down cleanly. */
async function writeRecord(): Promise<{ backup: BackupView; head: { seq: number; hash: string } }> {
  const host = open();
  const submit = (c: Record<string, unknown>): void => {
    const r = host.station.submit(c, { actor: 'E001' });
    if (!r.ok) throw new Error(r.rejection.message);
  };
  for (let i = 1; i <= 3; i++) submit(witness(i));
  const backup = await host.backupNow(backupDir);
  expect(backup.verified).toBe(true);
  for (let i = 4; i <= 6; i++) submit(witness(i));
  const head = host.station.store.head;
  host.close();
  return { backup, head };
}

/** What an attacker with the sqlite3 tool can do: the append-only triggers are no obstacle. */
function tamper(work: (db: ReturnType<typeof openDb>) => void): void {
  const db = openDb(dbPath);
  try {
    db.pragma('foreign_keys = OFF');
    db.exec('DROP TRIGGER IF EXISTS events_append_only_update; DROP TRIGGER IF EXISTS events_append_only_delete;');
    work(db);
  } finally {
    db.close();
  }
}

function deleteFrom(seq: number): void {
  tamper((db) => {
    db.prepare('DELETE FROM event_subjects WHERE seq >= ?').run(seq);
    db.prepare('DELETE FROM events WHERE seq >= ?').run(seq);
  });
}

async function audit(...args: string[]): Promise<{ code: number | null; out: Record<string, unknown>; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'main/cli/audit.ts'), 'verify', '--db', dbPath, ...args], { cwd: REPO });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
  child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, out: JSON.parse(stdout || '{}') as Record<string, unknown>, stderr };
}

function refusal(): StartupError {
  try {
    open().close();
  } catch (err) {
    if (err instanceof StartupError) return err;
    throw err;
  }
  throw new Error('the station started on a damaged record');
}

const mode = (path: string): number => statSync(path).mode & 0o777;

/** Reads the record without changing it. */
function read<T>(work: (db: ReturnType<typeof openDb>) => T, path = dbPath): T {
  const db = openDb(path, { readonly: true });
  try {
    return work(db);
  } finally {
    db.close();
  }
}

const hashAt = (seq: number): string => read((db) => (db.prepare('SELECT hash FROM events WHERE seq = ?').get(seq) as { hash: string }).hash);

describe('a record whose loss is noticed', () => {
  it('finds the tail deleted after a backup (witness), refuses to start, and names the backup', async () => {
    const { backup, head } = await writeRecord();
    deleteFrom(head.seq - 1);
    const a = await audit();
    expect(a.code).toBe(1);
    expect(a.out).toMatchObject({ ok: false, events: head.seq - 2, brokenSeq: head.seq - 1 });
    expect(a.out.headHash).toEqual(expect.any(String));
    expect(String(a.out.problem)).toContain('记录被截短');
    expect(String(a.out.problem)).toContain(WITNESS_FILE);
    const e = refusal();
    expect(e.code).toBe('RECORD_SHORTENED');
    expect(e.message).toContain(`第 ${head.seq} 号事件`);
    expect(e.message).toContain(backup.path);
    expect(e.message).toContain(`--restore ${backup.path}`);
  });

  it('finds the tail deleted past a verified backup even with every witness gone', async () => {
    const { backup } = await writeRecord();
    unlinkSync(join(dataDir, WITNESS_FILE));
    unlinkSync(backupWitnessPath(backupDir, hashAt(1)));
    deleteFrom(backup.events);
    const a = await audit();
    expect(a.code).toBe(1);
    expect(String(a.out.problem)).toContain(`备份 ${backup.path}`);
    expect(refusal().code).toBe('RECORD_SHORTENED');
  });

  it('finds a record rewritten and re-chained from an early event: it no longer extends the witness', async () => {
    const { head } = await writeRecord();
    tamper((db) => {
      const rows = db.prepare('SELECT seq, at, type, actor, payload FROM events WHERE seq >= 2 ORDER BY seq').all() as { seq: number; at: number; type: string; actor: string; payload: string }[];
      let prev = (db.prepare('SELECT hash FROM events WHERE seq = 1').get() as { hash: string }).hash;
      const update = db.prepare('UPDATE events SET payload = ?, prev_hash = ?, hash = ? WHERE seq = ?');
      for (const row of rows) {
        const payload = row.payload.replace('证人1', '某人');
        const hash = chainHash(prev, { ...row, payload });
        update.run(payload, prev, hash, row.seq);
        prev = hash;
      }
    });
    const a = await audit();
    expect(a.code).toBe(1);
    expect(a.out).toMatchObject({ ok: false, events: head.seq, brokenSeq: head.seq });
    expect(String(a.out.problem)).toContain('记录被改写');
    expect(refusal().code).toBe('RECORD_REWRITTEN');
  });

  it('checks the chain at start from the witnessed point on, not from the first event', async () => {
    const { head } = await writeRecord();
    // An event before the verified point edited in place: only the full audit walks that far.
    tamper((db) => db.prepare(`UPDATE events SET payload = replace(payload, '证人2', '某人') WHERE seq = 3`).run());
    open().close();
    const a = await audit();
    expect(a.code).toBe(1);
    expect(a.out).toMatchObject({ ok: false, brokenSeq: 3 });
    // An event after the verified point (a crash left the witness behind) is walked at start.
    writeWitness(join(dataDir, WITNESS_FILE), dataDir, { record: hashAt(1), seq: head.seq - 2, hash: hashAt(head.seq - 2), at: T0 }, T0);
    writeWitness(backupWitnessPath(backupDir, hashAt(1)), dataDir, { record: hashAt(1), seq: 1, hash: hashAt(1), at: T0 }, T0);
    tamper((db) => db.prepare(`UPDATE events SET payload = replace(payload, '证人6', '某人') WHERE seq = ?`).run(head.seq));
    const e = refusal();
    expect(e.code).toBe('RECORD_BROKEN');
    expect(e.message).toContain(`第 ${head.seq} 号事件`);
  });

  it('refuses a missing record where a witness or backups say there was one', async () => {
    const { backup } = await writeRecord();
    const record = hashAt(1);
    for (const f of readdirSync(dataDir).filter((n) => n.startsWith('station.db'))) unlinkSync(join(dataDir, f));
    let e = refusal();
    expect(e.code).toBe('RECORD_MISSING');
    expect(e.message).toContain('不是新安装');
    expect(e.message).toContain(backup.path);
    // The data folder's witness gone too: the backup folder's witness of this data folder says it.
    unlinkSync(join(dataDir, WITNESS_FILE));
    e = refusal();
    expect(e.message).toContain(backupWitnessPath(backupDir, record));
    expect(e.message).toContain(`--restore ${backup.path}`);
    // Every witness gone: the backups, which no other station claims, still say it.
    unlinkSync(backupWitnessPath(backupDir, record));
    e = refusal();
    expect(e.code).toBe('RECORD_MISSING');
    expect(e.message).toContain('1 份不属于其他工作站的备份');
  });

  it('refuses an emptied record', async () => {
    await writeRecord();
    deleteFrom(1);
    expect(refusal().code).toBe('RECORD_EMPTIED');
  });

  it('keeps the data folder and the record to the station user', async () => {
    const { backup } = await writeRecord();
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(backupDir)).toBe(0o700);
    for (const f of ['station.db', WITNESS_FILE]) expect(mode(join(dataDir, f)), f).toBe(0o600);
    expect(mode(backupWitnessPath(backupDir, hashAt(1)))).toBe(0o600);
    expect(mode(backup.path)).toBe(0o600);
    // A record an older station left readable to everyone is closed at the next start.
    chmodSync(dataDir, 0o755);
    chmodSync(dbPath, 0o644);
    const host = open();
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(dbPath)).toBe(0o600);
    expect(mode(`${dbPath}-wal`)).toBe(0o600);
    host.close();
  });

  it('shares a backup folder with another station without taking its witness or its backups for its own', async () => {
    const { backup, head } = await writeRecord();
    // Another station backs up into the same folder, a minute later: another record (its first event differs).
    const other = new StationHost({ dataDir: join(root, 'other'), config: config(), log: () => undefined, now: () => T0 + 60_000 });
    const otherBackup = await other.backupNow(backupDir);
    other.close();
    expect(otherBackup.verified).toBe(true);
    // A third station set up on the same backup folder is a fresh install, not a lost record.
    new StationHost({ dataDir: join(root, 'third'), config: config(), log: () => undefined, now: () => T0 + 120_000 }).close();
    open().close();
    deleteFrom(head.seq - 1);
    const e = refusal();
    expect(e.message).toContain(backup.path);
    expect(e.message).not.toContain(otherBackup.path);
    expect(() => restoreBackup({ dataDir, backupDir }, otherBackup.path, T0, () => undefined)).toThrow(/不是本数据文件夹中记录的备份/);
  });

  it('says a record with a damaged table is damaged, with the backup to restore', async () => {
    const { backup } = await writeRecord();
    const [root, pageSize] = read((db) => [
      (db.prepare(`SELECT rootpage FROM sqlite_master WHERE name = 'events'`).get() as { rootpage: number }).rootpage,
      db.pragma('page_size', { simple: true }) as number,
    ]);
    const fd = openSync(dbPath, 'r+');
    writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (root - 1) * pageSize);
    closeSync(fd);
    const e = refusal();
    expect(e.code).toBe('RECORD_CORRUPT');
    expect(e.message).toContain('已损坏');
    expect(e.message).toContain(backup.path);
  });
});

describe('the headless station on a lost record', () => {
  it('refuses a zero-byte database with the latest verified backup, and --restore brings the backup back', async () => {
    const { backup, head } = await writeRecord();
    truncateSync(dbPath, 0);
    for (const f of ['-wal', '-shm']) if (existsSync(dbPath + f)) unlinkSync(dbPath + f);

    const refused = await refusedStation(dataDir, ['--config', configFile]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('"code":"RECORD_EMPTY_FILE"');
    expect(refused.stderr).toContain('0 字节');
    expect(refused.stderr).toContain(`npm run station -- --data ${dataDir} --restore ${backup.path}`);
    expect(refused.stderr).not.toMatch(/^\s+at /m);

    const st = await startStation(dataDir, ['--config', configFile, '--restore', backup.path]);
    try {
      expect((await st.call<{ ok: boolean }>('login', { account: 'nobody', password: 'x' })).status).toBeLessThan(500);
    } finally {
      await st.stop();
    }
    // The damaged (zero-byte) database is kept aside, not deleted.
    const aside = readdirSync(dataDir).filter((n) => n.startsWith('damaged-'));
    expect(aside).toHaveLength(1);
    expect(statSync(join(dataDir, aside[0] ?? '', 'station.db')).size).toBe(0);

    const events = (db: ReturnType<typeof openDb>): unknown[] => db.prepare('SELECT seq, hash FROM events WHERE seq <= ? ORDER BY seq').all(backup.events);
    expect(read(events)).toEqual(read(events, backup.path));
    read((db) => {
      // Deadlines that fell while the station was off come first, at their instants; then the restore.
      const restore = db.prepare(`SELECT seq, actor, payload FROM events WHERE type = 'record.restore'`).get() as { seq: number; actor: string; payload: string };
      expect(restore.seq).toBeGreaterThan(backup.events);
      expect(restore.actor).toBe('system');
      expect(JSON.parse(restore.payload)).toMatchObject({ backup: backup.path, events: backup.events, headHash: backup.headHash, witnessEvents: head.seq, witnessHash: head.hash });
      const persons = (db.prepare('SELECT person_id FROM custody_records ORDER BY person_id').all() as { person_id: string }[]).map((r) => r.person_id);
      expect(persons).toEqual(['W1', 'W2', 'W3']);
    });
    // The restored record checks out, against its new witnesses too.
    const a = await audit('--backups', backupDir);
    expect(a.code, a.stderr).toBe(0);
    expect(readFileSync(join(dataDir, WITNESS_FILE), 'utf8')).toContain('"seq"');
  }, 60_000);

  it('says a file that is not a database is damaged, without a stack trace', async () => {
    await writeRecord();
    writeFileSync(dbPath, 'this is not a custody record\n'.repeat(200));
    for (const f of ['-wal', '-shm']) if (existsSync(dbPath + f)) unlinkSync(dbPath + f);
    const refused = await refusedStation(dataDir, ['--config', configFile]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('"code":"RECORD_CORRUPT"');
    expect(refused.stderr).toContain('已损坏');
    expect(refused.stderr).not.toMatch(/^\s+at /m);
  }, 60_000);
});
