// What the camera layer reports to the station. The station turns a status change into its
// `camera.status` command and a segment into a recorded event; both carry UTC milliseconds.

/** A camera's recording health. Emitted only when (online, recording) changes. */
export interface RecorderStatus {
  camera: string;
  /** The camera answers RTSP. */
  online: boolean;
  /** Proven recording: ffmpeg alive, a segment closed lately, the file growing, audio and video present. */
  recording: boolean;
  /** Why, in English, for logs and the desk's tooltip. */
  reason: string;
  at: number;
}

/** One closed, checked and hashed segment file. */
export interface SegmentRecord {
  camera: string;
  path: string;
  startedAt: number;
  endedAt: number;
  durationMs: number;
  bytes: number;
  sha256: string;
  video: boolean;
  audio: boolean;
  videoCodec: string | null;
  audioCodec: string | null;
}

export interface RecorderSink {
  status(s: RecorderStatus): void;
  segment(s: SegmentRecord): void;
}

export interface RecorderOptions {
  camera: string;
  rtspUrl: string;
  outDir: string;
  segmentSeconds: number;
  ffmpegPath?: string;
  ffprobePath?: string;
}
