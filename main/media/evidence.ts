// 证据导出: a finished session's recording leaves the station as one MP4 per camera of its room
// (the recorded H.264 copied, the audio as AAC), a manifest (common/evidenceManifest.ts) and the
// printable 讯（询）问同步录音录像情况说明; every segment is checked against its recorded SHA-256
// (a changed one is left out and named), and the export is put on the record (evidence.export:
// who, when, which files with which hashes), which also keeps its segments from retention for
// ever. The desk's API and `npm run evidence -- export` both come here.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MANIFEST_FILE, MANIFEST_FORMAT, MANIFEST_HASH_FILE, SUMMARY_FILE, type EvidenceManifest, type ManifestCamera } from '../../common/evidenceManifest.js';
import type { PlanPiece } from '../../common/recordings.js';
import { checkSegments, writeEvidenceMp4 } from '../../hardware/camera/evidenceMp4.js';
import { fileSafe } from '../../hardware/camera/ffmpegArgs.js';
import { hashFile } from '../../hardware/camera/hash.js';
import type { RecordingStore, SegmentRow, SessionRow } from '../core/store/recordings.js';
import { cameraPlan, fileState } from './recordingPlan.js';
import { summaryHtml } from './evidenceSummary.js';

export type ExportRequester =
  | { readonly via: 'desk'; readonly account: string; readonly officerId: string }
  | { readonly via: 'cli'; readonly osUser: string };

export interface EvidencePorts {
  readonly store: RecordingStore;
  /** Puts the evidence.export command on the record as `actor`; the recorded event's seq, or why not. */
  record(command: Record<string, unknown>, actor: string): { ok: true; seq: number } | { ok: false; message: string };
  readonly now: () => number;
  readonly timeZone: string;
  readonly ffmpegPath: () => string;
  /** The recorder's segment length (a plan near now knows a segment may still be open). */
  readonly segmentMs: number;
}

/** Why an export was refused, in the person's words (Chinese) with a code for programs. */
export class EvidenceError extends Error {
  constructor(
    readonly code: 'UNKNOWN_SESSION' | 'SESSION_RUNNING' | 'OUT_NOT_EMPTY' | 'NOTHING_RECORDED' | 'WRITE_FAILED' | 'NOT_RECORDED' | 'UNKNOWN_EXPORT' | 'EXPORT_GONE' | 'MANIFEST_CHANGED',
    message: string,
  ) {
    super(message);
    this.name = 'EvidenceError';
  }
}

export interface ExportResult {
  readonly exportId: string;
  readonly dir: string;
  readonly seq: number;
  readonly manifestSha256: string;
  readonly files: EvidenceManifest['files'];
  /** Segments left out because they no longer match their recorded hash. */
  readonly changed: number;
  readonly gaps: number;
}

const gapsOf = (pieces: readonly PlanPiece[]): ManifestCamera['gaps'] => pieces.flatMap((p) => {
  if (p.kind === 'gap') return [{ from: p.from, to: p.to, reason: p.reason }];
  if (p.kind === 'pending') return [{ from: p.from, to: p.to, reason: 'pending' }];
  return [];
});

async function emptyOrAbsent(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw err;
  }
}

/** Tries at writing one camera's file: each finds the changed segments the one before could not know of. */
const MAX_ATTEMPTS = 4;

export function newExportId(now: number): string {
  return `EV${now}${randomBytes(3).toString('hex')}`;
}

export async function exportSession(ports: EvidencePorts, sessionId: string, out: string, by: ExportRequester, exportId = newExportId(ports.now())): Promise<ExportResult> {
  const { store } = ports;
  const session = store.session(sessionId);
  if (!session) throw new EvidenceError('UNKNOWN_SESSION', `没有编号为 ${sessionId} 的讯（询）问`);
  if (session.endedAt === null) throw new EvidenceError('SESSION_RUNNING', `讯（询）问 ${sessionId} 尚未结束，结束后才能导出`);
  if (!(await emptyOrAbsent(out))) throw new EvidenceError('OUT_NOT_EMPTY', `导出目录 ${out} 已存在且不是空目录，请换一个目录`);
  const endedAt = session.endedAt;
  const head = store.head();
  const cameras = store.roomCameras(session.room, session.startedAt, endedAt);
  const prepared = await Promise.all(cameras.map(async (camera) => {
    const plan = cameraPlan(store, camera, session.startedAt, endedAt, { now: ports.now(), segmentMs: ports.segmentMs });
    const recorded = store.segments(camera, session.startedAt, endedAt).filter((s) => s.deletedAt === null);
    // A file of another size has changed for certain (its hash is taken to name it); the rest are
    // hashed as they are written into the MP4. A file that is gone is one of the plan's gaps.
    const states = new Map(recorded.map((s) => [s.seq, fileState(s)]));
    const resized = recorded.filter((s) => states.get(s.seq) === 'resized');
    const changed: ManifestCamera['changed'] = (await checkSegments(resized)).flatMap((c) => {
      const s = recorded.find((x) => x.seq === c.seq);
      return s && !c.ok ? [{ seq: s.seq, startedAt: s.startedAt, endedAt: s.endedAt, expected: s.sha256, found: c.found }] : [];
    });
    return { camera, plan, good: recorded.filter((s) => states.get(s.seq) === 'present'), changed };
  }));
  if (prepared.every((p) => p.good.length === 0)) {
    throw new EvidenceError('NOTHING_RECORDED', `讯（询）问 ${sessionId} 没有可导出的录像（房间的摄像机在这段时间没有留下与记录相符的录像片段）`);
  }
  await mkdir(out, { recursive: true });
  try {
    const manifestCameras: ManifestCamera[] = [];
    const files: EvidenceManifest['files'] = [];
    for (const p of prepared) {
      const name = `camera-${fileSafe(p.camera)}.mp4`;
      let file: string | null = null;
      // Each try leaves out the segments the one before found changed.
      for (let attempt = 0; attempt < MAX_ATTEMPTS && p.good.length > 0 && file === null; attempt++) {
        const changed = await writeEvidenceMp4(p.good, join(out, name), { ffmpegPath: ports.ffmpegPath() });
        for (const c of changed) {
          const s = p.good.find((x) => x.seq === c.seq);
          if (s) p.changed.push({ seq: s.seq, startedAt: s.startedAt, endedAt: s.endedAt, expected: s.sha256, found: c.found });
        }
        p.good = p.good.filter((s) => !changed.some((c) => c.seq === s.seq));
        if (changed.length === 0) file = name;
      }
      if (file) {
        const digest = await hashFile(join(out, file));
        files.push({ name: file, bytes: digest.bytes, sha256: digest.sha256 });
      }
      p.changed.sort((a, b) => a.startedAt - b.startedAt);
      manifestCameras.push({ camera: p.camera, file, segments: file ? placed(p.good) : [], gaps: gapsOf(p.plan.pieces), changed: p.changed });
    }
    if (files.length === 0) throw new EvidenceError('NOTHING_RECORDED', `讯（询）问 ${sessionId} 没有可导出的录像（录像片段均与记录不符）`);
    const manifest: EvidenceManifest = {
      format: MANIFEST_FORMAT, exportId, exportedAt: ports.now(),
      exportedBy: by.via === 'desk' ? { via: 'desk', account: by.account, officerId: by.officerId, name: store.officerName(by.officerId) } : { via: 'cli', osUser: by.osUser },
      timeZone: ports.timeZone, area: store.area(),
      session: sessionFacts(session, endedAt, store),
      cameras: manifestCameras,
      events: store.eventsOf(`session:${sessionId}`),
      recordHead: head,
      files,
    };
    const summary = Buffer.from(summaryHtml(manifest), 'utf8');
    await writeFile(join(out, SUMMARY_FILE), summary);
    const summaryDigest = await hashFile(join(out, SUMMARY_FILE));
    manifest.files.push({ name: SUMMARY_FILE, bytes: summaryDigest.bytes, sha256: summaryDigest.sha256 });
    const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
    await writeFile(join(out, MANIFEST_FILE), manifestText);
    const manifestSha256 = (await hashFile(join(out, MANIFEST_FILE))).sha256;
    await writeFile(join(out, MANIFEST_HASH_FILE), `${manifestSha256}  ${MANIFEST_FILE}\n`);
    const recorded = ports.record({
      type: 'evidence.export', exportId, sessionId,
      files: [...manifest.files, { name: MANIFEST_FILE, bytes: Buffer.byteLength(manifestText), sha256: manifestSha256 }],
      segments: prepared.flatMap((p) => p.good.map((s) => s.seq)),
      manifestSha256, headSeq: head.seq, headHash: head.hash,
      via: by.via, ...(by.via === 'desk' ? { account: by.account } : { osUser: by.osUser }), dir: out,
    }, by.via === 'desk' ? by.officerId : 'system');
    if (!recorded.ok) throw new EvidenceError('NOT_RECORDED', `导出未能写入记录，已撤销：${recorded.message}`);
    return {
      exportId, dir: out, seq: recorded.seq, manifestSha256, files: manifest.files,
      changed: prepared.reduce((n, p) => n + p.changed.length, 0), gaps: manifestCameras.reduce((n, c) => n + c.gaps.length, 0),
    };
  } catch (err) {
    // An export that is not on the record must not leave the station looking like one.
    await rm(out, { recursive: true, force: true });
    if (err instanceof EvidenceError) throw err;
    throw new EvidenceError('WRITE_FAILED', `导出失败：${(err as Error).message}`);
  }
}

/** Each segment with its place in the MP4 (segments follow each other there without the gaps between them). */
function placed(segments: readonly SegmentRow[]): ManifestCamera['segments'] {
  let offset = 0;
  return segments.map((s) => {
    const row = { seq: s.seq, startedAt: s.startedAt, endedAt: s.endedAt, durationMs: s.durationMs, bytes: s.bytes, sha256: s.sha256, offsetMs: offset };
    offset += s.durationMs;
    return row;
  });
}

function sessionFacts(s: SessionRow, endedAt: number, store: RecordingStore): EvidenceManifest['session'] {
  const person = store.person(s.personId);
  return {
    id: s.id, kind: s.kind, room: { id: s.room, name: store.roomName(s.room) },
    person: { id: s.personId, name: person?.name ?? s.personId, caseNo: person?.caseNo ?? null },
    officers: s.officers.map((id) => ({ id, name: store.officerName(id) })), appropriateAdults: [...s.appropriateAdults],
    startedAt: s.startedAt, endedAt,
  };
}
