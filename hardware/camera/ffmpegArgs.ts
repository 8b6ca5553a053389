// The ffmpeg command line of one recording run.
//
// Container: Matroska (.mkv). It carries the camera's own audio (G.711 μ-law/A-law, AAC, G.726)
// by stream copy, so neither track is re-encoded: no CPU per camera and the evidence is the bytes
// the camera sent. MP4 cannot hold G.711, which would force an AAC transcode.
//
// The Matroska muxer buffers a whole cluster before writing it; capping clusters at 500 ms and
// flushing after each write makes the open file grow steadily, which the watchdog relies on.

export interface FfmpegRun {
  rtspUrl: string;
  /** Output pattern with one %06d for the segment number. */
  pattern: string;
  segmentSeconds: number;
  /** RTSP socket I/O timeout; ffmpeg gives up on a silent camera after about this long. */
  rtspTimeoutMs: number;
}

export const CLUSTER_MS = 500;

export function ffmpegArgs(r: FfmpegRun): string[] {
  return [
    '-hide_banner', '-nostdin', '-loglevel', 'warning',
    '-rtsp_transport', 'tcp',
    '-timeout', String(Math.round(r.rtspTimeoutMs * 1000)),
    '-i', r.rtspUrl,
    // The first video stream is required; audio is mapped when present, so a camera without
    // audio still leaves its video on disk while the watchdog reports it as not recording.
    '-map', '0:v:0', '-map', '0:a:0?',
    '-c', 'copy',
    '-f', 'segment',
    '-segment_time', String(r.segmentSeconds),
    '-reset_timestamps', '1',
    '-segment_format', 'matroska',
    '-segment_format_options', `cluster_time_limit=${CLUSTER_MS}:flush_packets=1`,
    '-segment_list', 'pipe:1',
    '-segment_list_type', 'csv',
    r.pattern,
  ];
}

/** A camera id made safe for a file name. */
export function fileSafe(id: string): string {
  const s = id.replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^\.+/, '_');
  return s === '' ? '_' : s.slice(0, 64);
}

/** `<camera>-<run start, UTC ms>-%06d.mkv`: unique per run, sorts by time. */
export function segmentPattern(camera: string, runStartedAt: number): string {
  return `${fileSafe(camera)}-${runStartedAt}-%06d.mkv`;
}

export function segmentName(camera: string, runStartedAt: number, index: number): string {
  return `${fileSafe(camera)}-${runStartedAt}-${String(index).padStart(6, '0')}.mkv`;
}

/** Segment files this recorder writes, for retention: name, run start and index. */
export const SEGMENT_FILE = /^[A-Za-z0-9_.-]+-(\d{13})-(\d{6,})\.mkv$/;

export function segmentIndexOf(name: string): number | null {
  const m = SEGMENT_FILE.exec(name);
  return m ? Number(m[2]) : null;
}
