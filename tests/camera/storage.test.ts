// Free space against the real file system, and retention on real files with real mtimes.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteExpired } from '../../hardware/camera/retention.js';
import { checkStorage } from '../../hardware/camera/storage.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'camera-store-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const DAY = 86_400_000;
const NOW = Date.now();

function file(rel: string, ageMs: number): string {
  const p = join(dir, rel);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, 'x');
  const t = (NOW - ageMs) / 1000;
  utimesSync(p, t, t);
  return p;
}

describe('checkStorage', () => {
  it('reads the free space df reports and compares it with the threshold', async () => {
    const s = await checkStorage(dir, 0);
    const df = Number(execFileSync('df', ['-B1', '--output=avail', dir], { encoding: 'utf8' }).trim().split('\n')[1]);
    // Other writers on the machine may change it a little between the two reads.
    expect(Math.abs(s.freeBytes - df)).toBeLessThan(64 * 1024 * 1024);
    expect(s.totalBytes).toBeGreaterThanOrEqual(s.freeBytes);
    expect(s.low).toBe(false);
    expect((await checkStorage(dir, s.freeBytes * 2 + 1)).low).toBe(true);
  });

  it('fails clearly for a missing directory or a bad threshold', async () => {
    await expect(checkStorage(join(dir, 'nope'), 0)).rejects.toThrow(/ENOENT/);
    await expect(checkStorage(dir, -1)).rejects.toThrow(/threshold/);
  });
});

describe('deleteExpired', () => {
  it('deletes expired unprotected segments only', async () => {
    const old = file('cam1/cam1-1795306639838-000000.mkv', 40 * DAY);
    const oldLinked = file('cam1/cam1-1795306639838-000001.mkv', 40 * DAY);
    const fresh = file('cam1/cam1-1795306639838-000002.mkv', 1 * DAY);
    const notOurs = file('cam1/notes.mkv', 400 * DAY);
    const otherCam = file('cam2/cam2-1795306639838-000000.mkv', 31 * DAY);
    const asked: string[] = [];
    const r = await deleteExpired(dir, 30 * DAY, (p) => { asked.push(p); return p === oldLinked; }, NOW);
    expect(r.deleted.sort()).toEqual([old, otherCam].sort());
    expect(r.kept).toEqual([oldLinked]);
    expect(r.failed).toEqual([]);
    expect(existsSync(old)).toBe(false);
    for (const p of [oldLinked, fresh, notOurs]) expect(existsSync(p)).toBe(true);
    // Only expired segment files are put to the station's question.
    expect(asked.sort()).toEqual([old, oldLinked, otherCam].sort());
  });

  it('keeps a file when the protection check fails', async () => {
    const p = file('cam1-1795306639838-000000.mkv', 40 * DAY);
    const r = await deleteExpired(dir, 30 * DAY, () => { throw new Error('db locked'); }, NOW);
    expect(existsSync(p)).toBe(true);
    expect(r.failed[0]?.error).toMatch(/db locked/);
  });

  it('refuses a retention period that would delete everything', async () => {
    await expect(deleteExpired(dir, 0, () => false)).rejects.toThrow(/retention period/);
    await expect(deleteExpired(dir, Number.NaN, () => false)).rejects.toThrow(/retention period/);
    expect(await deleteExpired(join(dir, 'missing'), DAY, () => false)).toEqual({ deleted: [], kept: [], failed: [] });
  });
});
