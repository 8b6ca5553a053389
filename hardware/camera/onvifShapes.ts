// The onvif package hands back loosely typed objects (xml2js output run through its `linerase`,
// which also turns "true", numbers and ISO dates into JS values). These schemas turn them into
// the plain types of control.ts, or report that the camera's answer was not what was asked for.
import { z } from 'zod';
import { CameraError } from './cameraError.js';
import type { MediaProfile, RecordingJob } from './control.js';

/** A value the package may have converted from text; back to text. */
const text = z.union([z.string(), z.number(), z.boolean(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString() : String(v)).trim());
const num = z.union([z.number(), z.string()]).transform((v) => Number(v)).pipe(z.number().finite());
const optNum = num.optional().catch(undefined).transform((v) => v ?? null);
const node = <T extends z.ZodRawShape>(shape: T) => z.object(shape).loose();
const oneOrMany = <T extends z.ZodType>(s: T) => z.union([z.array(s), s]).transform((v) => (Array.isArray(v) ? v : [v]) as z.output<T>[]);

const videoEncoder = node({
  encoding: text.optional(),
  resolution: node({ width: optNum, height: optNum }).optional().catch(undefined),
  rateControl: node({ frameRateLimit: optNum, bitrateLimit: optNum }).optional().catch(undefined),
});
const audioEncoder = node({ encoding: text.optional(), bitrate: optNum, sampleRate: optNum });

const profile = node({
  $: node({ token: text }),
  name: text.optional().catch(undefined),
  videoSourceConfiguration: z.unknown().optional(),
  videoEncoderConfiguration: videoEncoder.optional().catch(undefined),
  audioEncoderConfiguration: audioEncoder.optional().catch(undefined),
  PTZConfiguration: z.unknown().optional(),
});

export function toProfiles(action: string, data: unknown): MediaProfile[] {
  const r = z.array(profile).safeParse(data);
  if (!r.success) throw new CameraError('malformed', action, `the answer holds no usable profiles (${r.error.issues[0]?.message ?? 'shape'})`);
  return r.data.map((p) => {
    const v = p.videoEncoderConfiguration;
    const a = p.audioEncoderConfiguration;
    return {
      token: p.$.token,
      name: p.name ?? p.$.token,
      // A video source or encoder makes a video profile, even when the encoder is left bare.
      video: v || p.videoSourceConfiguration !== undefined ? {
        encoding: v?.encoding || null,
        width: v?.resolution?.width ?? null,
        height: v?.resolution?.height ?? null,
        fps: v?.rateControl?.frameRateLimit ?? null,
        bitrateKbps: v?.rateControl?.bitrateLimit ?? null,
      } : null,
      audio: a?.encoding ? { encoding: a.encoding, sampleRateKHz: a.sampleRate, bitrateKbps: a.bitrate } : null,
      ptz: p.PTZConfiguration !== undefined,
    };
  });
}

const job = node({
  jobToken: text,
  jobConfiguration: node({
    recordingToken: text.optional().catch(undefined),
    mode: text.optional().catch(undefined),
    priority: optNum,
    source: oneOrMany(node({ sourceToken: node({ token: text.optional().catch(undefined) }).optional().catch(undefined) })).optional().catch(undefined),
  }),
});

export function toRecordingJobs(action: string, data: unknown): RecordingJob[] {
  if (data === undefined || data === '') return [];
  const r = oneOrMany(job).safeParse(data);
  if (!r.success) throw new CameraError('malformed', action, `the answer holds no usable recording jobs (${r.error.issues[0]?.message ?? 'shape'})`);
  return r.data.map((j) => ({
    token: j.jobToken,
    recordingToken: j.jobConfiguration.recordingToken ?? '',
    mode: j.jobConfiguration.mode ?? '',
    priority: j.jobConfiguration.priority,
    sourceTokens: (j.jobConfiguration.source ?? []).flatMap((s) => (s.sourceToken?.token ? [s.sourceToken.token] : [])),
  }));
}
