// Checks a closed segment with ffprobe: it must hold a video stream AND an audio stream that both
// carry packets, and a duration that makes sense for the segment length. Packets are counted
// (a demux pass, no decoding) because a muxer can declare an audio track that never got data.
import { z } from 'zod';
import { runProgram } from './childProcess.js';

export interface SegmentCheck {
  ok: boolean;
  /** Empty when ok; otherwise what is wrong, in English. */
  problem: string;
  video: boolean;
  audio: boolean;
  videoCodec: string | null;
  audioCodec: string | null;
  durationMs: number | null;
}

const probeSchema = z.object({
  streams: z.array(z.object({
    codec_type: z.string().optional(),
    codec_name: z.string().optional(),
    nb_read_packets: z.coerce.number().optional(),
  })).default([]),
  format: z.object({ duration: z.coerce.number().optional() }).optional(),
});

export interface CheckLimits {
  /** The configured segment length; a segment may run longer only up to the next keyframe. */
  segmentSeconds: number;
  /** Duration from ffmpeg's segment list, compared with what ffprobe reads; null if unknown. */
  listedDurationMs: number | null;
}

const PROBE_TIMEOUT_MS = 20_000;

export async function checkSegment(ffprobePath: string, file: string, limits: CheckLimits): Promise<SegmentCheck> {
  const args = ['-v', 'error', '-count_packets', '-show_entries',
    'stream=codec_type,codec_name,nb_read_packets:format=duration', '-of', 'json', file];
  let parsed: z.infer<typeof probeSchema>;
  try {
    const r = await runProgram(ffprobePath, args, PROBE_TIMEOUT_MS);
    if (r.code !== 0) return unreadable(`ffprobe failed: ${lastLine(r.stderr) || `exit ${String(r.code ?? r.signal)}`}`);
    parsed = probeSchema.parse(JSON.parse(r.stdout));
  } catch (err) {
    return unreadable(`ffprobe failed: ${(err as Error).message}`);
  }
  return judgeProbe(parsed, limits);
}

function judgeProbe(p: z.infer<typeof probeSchema>, limits: CheckLimits): SegmentCheck {
  const withPackets = (type: string) => p.streams.find((s) => s.codec_type === type && (s.nb_read_packets ?? 0) > 0);
  const v = withPackets('video');
  const a = withPackets('audio');
  const duration = p.format?.duration;
  const durationMs = duration !== undefined && Number.isFinite(duration) ? Math.round(duration * 1000) : null;
  const problems: string[] = [];
  if (!v) problems.push('no video stream with data');
  if (!a) problems.push('no audio stream with data');
  const maxMs = Math.max(3 * limits.segmentSeconds, limits.segmentSeconds + 60) * 1000;
  if (durationMs === null || durationMs <= 0) problems.push('no duration');
  else if (durationMs > maxMs) problems.push(`duration ${durationMs} ms exceeds ${maxMs} ms`);
  else if (limits.listedDurationMs !== null && Math.abs(durationMs - limits.listedDurationMs) > 1000 + limits.listedDurationMs / 10) {
    problems.push(`duration ${durationMs} ms disagrees with the segment list (${limits.listedDurationMs} ms)`);
  }
  return {
    ok: problems.length === 0,
    problem: problems.join('; '),
    video: v !== undefined,
    audio: a !== undefined,
    videoCodec: v?.codec_name ?? null,
    audioCodec: a?.codec_name ?? null,
    durationMs,
  };
}

function unreadable(problem: string): SegmentCheck {
  return { ok: false, problem, video: false, audio: false, videoCodec: null, audioCodec: null, durationMs: null };
}

function lastLine(s: string): string {
  return s.trim().split('\n').pop()?.trim() ?? '';
}
