// Evidence export and its verification, on a session recorded from a real RTSP camera: the
// command line reaches the running station (the record's one writer) or, with none running,
// opens the record itself; the export is on the record and keeps its segments from retention;
// `evidence verify` passes on the export and fails once one byte of the MP4 is changed; a
// segment changed on disk is left out of an export and named in it.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifestSchema } from '../../common/evidenceManifest.js';
import { LOCK_FILE } from '../../main/host/dataLock.js';
import { CAMERA, PERSON, recordSession, SESSION, type RecordedStation } from './recordedSession.js';

const ROOT = join(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

interface Run { code: number | null; json: Record<string, unknown> | null; stderr: string }

/** `npm run evidence -- …` as a person runs it. */
function evidence(args: string[]): Promise<Run> {
  const child = spawn(TSX, [join(ROOT, 'main', 'cli', 'evidence.ts'), ...args], { cwd: ROOT });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
  child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      // One JSON line, except for a usage error (exit 2), which only says how to call it.
      const lines = stdout.trim() === '' ? [] : stdout.trim().split('\n');
      resolve({ code, json: lines.length === 1 ? JSON.parse(lines[0] ?? '') as Record<string, unknown> : null, stderr });
    });
  });
}

function flipByte(path: string, at: number): void {
  const fd = openSync(path, 'r+');
  try {
    const b = Buffer.alloc(1);
    b[0] = readFileSync(path)[at]! ^ 0xff;
    writeSync(fd, b, 0, 1, at);
  } finally {
    closeSync(fd);
  }
}

let rec: RecordedStation;
let outRoot: string;

beforeAll(async () => {
  rec = await recordSession({ segments: 3 });
  outRoot = mkdtempSync(join(tmpdir(), 'station-evidence-out-'));
}, 120_000);

afterAll(async () => {
  await rec?.stop();
  rmSync(outRoot, { recursive: true, force: true });
});

describe('npm run evidence', () => {
  it('exports a session through the running station, verifies it, and fails after one byte of the MP4 changes', async () => {
    const out = join(outRoot, 'first');
    const r = await evidence(['export', '--data', rec.dataDir, '--session', SESSION, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json).toMatchObject({ ok: true, by: 'station', dir: out, changed: 0 });
    expect(readdirSync(out).sort()).toEqual(['camera-CAM-INT1.mp4', 'manifest.json', 'manifest.json.sha256', 'summary.html']);

    // The MP4 holds the recorded H.264 and the audio as AAC, as long as the segments.
    const probe = JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_name:format=duration', '-of', 'json', join(out, 'camera-CAM-INT1.mp4')], { encoding: 'utf8' })) as {
      streams: { codec_name: string }[]; format: { duration: string };
    };
    expect(probe.streams.map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);
    const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')));
    const cam = manifest.cameras.find((c) => c.camera === CAMERA);
    expect(cam?.segments.length).toBeGreaterThanOrEqual(3);
    const listed = (cam?.segments ?? []).reduce((n, s) => n + s.durationMs, 0);
    expect(Math.abs(Number(probe.format.duration) * 1000 - listed)).toBeLessThan(1000);
    for (const s of cam?.segments ?? []) expect(s.sha256).toBe(rec.segments.find((e) => e.seq === s.seq)?.payload.sha256);
    expect(manifest.session).toMatchObject({ id: SESSION, person: { id: PERSON, name: '张某某', caseNo: 'A2026-017' }, room: { id: 'INT1', name: '讯问室一' } });
    expect(manifest.events.map((e) => e.type)).toEqual(expect.arrayContaining(['session.start', 'session.end']));
    expect(manifest.exportedBy).toMatchObject({ via: 'cli' });
    const summary = readFileSync(join(out, 'summary.html'), 'utf8');
    expect(summary).toContain('讯（询）问同步录音录像情况说明');
    expect(summary).toContain('张某某');

    // On the record: who (the command line's user), what (the files and the manifest's hash), and its segments kept for ever.
    const event = rec.host.db.prepare(`SELECT actor, payload FROM events WHERE type = 'evidence.export'`).get() as { actor: string; payload: string };
    const payload = JSON.parse(event.payload) as { exportId: string; manifestSha256: string; segments: number[]; via: string };
    expect(event.actor).toBe('system');
    expect(payload).toMatchObject({ exportId: r.json?.exportId, manifestSha256: r.json?.manifestSha256, via: 'cli' });
    const kept = rec.host.db.prepare(`SELECT count(*) AS n FROM segment_links WHERE subject = ?`).get(`export:${payload.exportId}`) as { n: number };
    expect(kept.n).toBe(payload.segments.length);

    const ok = await evidence(['verify', out, '--data', rec.dataDir]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.json).toMatchObject({ ok: true, exportId: payload.exportId, recorded: true, filesChecked: 2, problems: [] });

    const mp4 = join(out, 'camera-CAM-INT1.mp4');
    flipByte(mp4, Math.floor(readFileSync(mp4).length / 2));
    const broken = await evidence(['verify', out]);
    expect(broken.code).toBe(1);
    expect(broken.json).toMatchObject({ ok: false, problems: [{ file: 'camera-CAM-INT1.mp4' }] });
  }, 120_000);

  it('refuses an unknown session and an output folder that is not empty', async () => {
    const unknown = await evidence(['export', '--data', rec.dataDir, '--session', 'NO-SUCH', '--out', join(outRoot, 'none')]);
    expect(unknown.code).toBe(1);
    expect(unknown.json).toMatchObject({ ok: false, code: 'UNKNOWN_SESSION' });
    const taken = await evidence(['export', '--data', rec.dataDir, '--session', SESSION, '--out', join(outRoot, 'first')]);
    expect(taken.json).toMatchObject({ ok: false, code: 'OUT_NOT_EMPTY' });
    const usage = await evidence(['export', '--data', rec.dataDir]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('usage: npm run evidence');
  }, 60_000);

  it('leaves out a segment changed on disk and names it; with no station running the command line opens the record', async () => {
    const changed = rec.segments[1]!;
    flipByte(changed.payload.path, 100);
    await rec.host.stopDevices();
    const out = join(outRoot, 'second');
    // A station that holds the folder but does not answer: the command line does not write beside it.
    const lock = join(rec.dataDir, LOCK_FILE);
    writeFileSync(lock, JSON.stringify({ pid: rec.camera.pid, host: hostname(), since: Date.now() }));
    const held = await evidence(['export', '--data', rec.dataDir, '--session', SESSION, '--out', out]);
    expect(held.code).toBe(1);
    expect(held.json).toMatchObject({ ok: false, code: 'DATA_IN_USE' });
    expect(existsSync(out)).toBe(false);
    rmSync(lock);
    const r = await evidence(['export', '--data', rec.dataDir, '--session', SESSION, '--out', out]);
    expect(existsSync(lock)).toBe(false);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json).toMatchObject({ ok: true, by: 'record', changed: 1 });
    const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')));
    const cam = manifest.cameras[0]!;
    expect(cam.changed).toEqual([expect.objectContaining({ seq: changed.seq, expected: changed.payload.sha256 })]);
    expect(cam.segments.map((s) => s.seq)).not.toContain(changed.seq);
    expect(readFileSync(join(out, 'summary.html'), 'utf8')).toContain('被改动的录像片段');
    const ok = await evidence(['verify', out]);
    expect(ok.code, ok.stderr).toBe(0);
  }, 120_000);
});
