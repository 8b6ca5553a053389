// A room's recording over a span as the record has it, camera by camera: the stretches covered by
// segments, and the gaps — each with what the record says of it (the camera reported it was not
// recording, no segment was ever recorded, retention deleted it, its file is gone) — so that the
// time scale of playback and the export's summary show every gap and why. A segment whose file
// no longer has its recorded size is marked changed at once; one changed in place (same size) is
// caught when it is played or exported, where every byte is hashed.
import { statSync } from 'node:fs';
import type { CameraPlan, GapReason, PlanPiece, RecordingPlan } from '../../common/recordings.js';
import { CONTIGUOUS_MS, followsInRun } from '../../hardware/camera/playbackStream.js';
import type { CameraReport, RecordingStore, SegmentRow } from '../core/store/recordings.js';

/** What the disk says of a segment's file, cheaply (no hashing). */
export type FileState = 'present' | 'missing' | 'resized';

export function fileState(seg: Pick<SegmentRow, 'path' | 'bytes'>): FileState {
  try {
    return statSync(seg.path).size === seg.bytes ? 'present' : 'resized';
  } catch {
    return 'missing';
  }
}

/** Why there is no recording over [a, b): the camera's own reports, else the record's silence. */
function gapReason(reports: readonly CameraReport[], a: number, b: number): GapReason {
  let last: CameraReport | null = null;
  for (const r of reports) {
    if (r.at >= b) break;
    if (r.at < a) { last = r; continue; }
    if (!r.recording) return 'not_recording';
  }
  return last !== null && !last.recording ? 'not_recording' : 'missing';
}

export interface PlanContext {
  readonly now: number;
  /** The recorder's segment length: a camera recording now has not closed its last one yet. */
  readonly segmentMs: number;
  readonly files?: (seg: SegmentRow) => FileState;
}

export function cameraPlan(store: RecordingStore, camera: string, from: number, to: number, ctx: PlanContext): CameraPlan {
  const segments = store.segments(camera, from, to);
  const reports = store.cameraReports(camera, from, to);
  const files = ctx.files ?? fileState;
  const pieces: PlanPiece[] = [];
  const push = (p: PlanPiece): void => {
    if (p.to <= p.from) return;
    const prev = pieces.at(-1);
    // Neighbouring gaps of the same kind are one gap.
    if (prev && prev.kind === 'gap' && p.kind === 'gap' && prev.reason === p.reason && p.from - prev.to <= CONTIGUOUS_MS) {
      pieces[pieces.length - 1] = { ...prev, to: p.to };
      return;
    }
    pieces.push(p);
  };
  let cursor = from;
  let previous: SegmentRow | null = null;
  for (const seg of segments) {
    const a = Math.max(seg.startedAt, cursor, from);
    const b = Math.min(seg.endedAt, to);
    if (b <= a) continue;
    // The next segment of the same recorder run follows without a gap, whatever its times say.
    const gap = a - cursor > CONTIGUOUS_MS && !(previous !== null && followsInRun(previous.path, seg.path));
    previous = seg;
    if (gap) push({ kind: 'gap', from: cursor, to: a, reason: gapReason(reports, cursor, a) });
    const start = gap ? a : cursor;
    if (seg.deletedAt !== null) push({ kind: 'gap', from: start, to: b, reason: 'deleted' });
    else {
      const state = files(seg);
      if (state === 'missing') push({ kind: 'gap', from: start, to: b, reason: 'file_missing' });
      else push({ kind: state === 'present' ? 'recorded' : 'changed', from: start, to: b, seq: seg.seq });
    }
    cursor = Math.max(cursor, b);
  }
  if (to - cursor > CONTIGUOUS_MS) {
    const last = reports.at(-1);
    const open = last !== undefined && last.recording && to > ctx.now - 2 * ctx.segmentMs;
    push(open ? { kind: 'pending', from: cursor, to } : { kind: 'gap', from: cursor, to, reason: gapReason(reports, cursor, to) });
  }
  return { camera, pieces, segments: segments.length };
}

export function roomPlan(store: RecordingStore, room: { id: string; name: string }, from: number, to: number, ctx: PlanContext): RecordingPlan {
  const cameras = store.roomCameras(room.id, from, to).map((c) => cameraPlan(store, c, from, to, ctx));
  return { room: room.id, roomName: room.name, from, to, cameras };
}
