// The station's live views: one LiveStream (one ffmpeg) per camera however many watch, created on
// first demand. Each camera is read through the station's one stream-input function (the same
// path as the recorder's), on its sub-stream where its ONVIF profiles offer one.
import { LiveStream, type LiveTuning, type LiveViewer } from '../../hardware/camera/liveStream.js';
import { pickSubStream } from '../../hardware/camera/liveSource.js';
import { OnvifCameraControl } from '../../hardware/camera/onvifControl.js';
import type { ProbedProfile } from '../../hardware/camera/control.js';

/** A stream ffmpeg reads (a route of the station's relay), given up with close(). */
export interface CameraRoute {
  readonly url: string;
  close(): void;
}

/** How the hub reaches cameras: through the station's recording service, never on its own. */
export interface CameraInputs {
  /** The camera's own address of its recorded stream (to tell a sub-stream from it); null: none configured. */
  recordedUrl(camera: string): string | null;
  /** What ffmpeg reads for the camera's recorded stream, or for another of its streams (`uri`); null: none. */
  streamInput(camera: string, uri?: string): Promise<CameraRoute | null>;
  /** The camera's ONVIF service, if configured. */
  onvifOf(camera: string): { readonly url: string; readonly user?: string | undefined; readonly pass?: string | undefined } | null;
}

export interface LiveHubOptions {
  readonly inputs: CameraInputs;
  readonly ffmpegPath: () => string;
  readonly log: (line: string) => void;
  /** The station clock. */
  readonly now: () => number;
  readonly tuning?: Partial<LiveTuning>;
  /** How long a camera's sub-stream address, once asked of it, is trusted. */
  readonly subStreamTtlMs?: number;
}

const SUB_STREAM_TTL_MS = 10 * 60_000;

/** The camera's video profiles with their stream addresses (ONVIF), to choose a sub-stream from. */
async function videoProfiles(onvif: NonNullable<ReturnType<CameraInputs['onvifOf']>>): Promise<ProbedProfile[]> {
  const control = new OnvifCameraControl({ url: onvif.url, ...(onvif.user ? { user: onvif.user } : {}), ...(onvif.pass ? { pass: onvif.pass } : {}), timeoutMs: 3000 });
  const out: ProbedProfile[] = [];
  for (const p of await control.profiles()) {
    if (!p.video || (p.video.encoding ?? '').toUpperCase() !== 'H264') continue;
    out.push({ ...p, streamUri: await control.streamUri(p.token), snapshotUri: null });
  }
  return out;
}

export class LiveHub {
  private readonly streams = new Map<string, LiveStream>();
  private readonly subStreams = new Map<string, { uri: string | null; at: number }>();
  /** The route each camera's live ffmpeg reads now (given up when it starts again or the hub stops). */
  private readonly routes = new Map<string, CameraRoute>();
  private stopped = false;

  constructor(private readonly o: LiveHubOptions) {}

  /** A new viewer of the camera's live picture. */
  watch(camera: string): LiveViewer {
    let stream = this.streams.get(camera);
    if (!stream) {
      stream = new LiveStream({
        camera, input: () => this.input(camera), ffmpegPath: this.o.ffmpegPath(), log: this.o.log,
        ...(this.o.tuning ? { tuning: this.o.tuning } : {}),
      });
      this.streams.set(camera, stream);
    }
    return stream.watch();
  }

  /** The camera's stream object, if a live view of it was ever opened (for measurements and tests). */
  stream(camera: string): LiveStream | undefined {
    return this.streams.get(camera);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all([...this.streams.values()].map((s) => s.stop()));
    this.streams.clear();
    for (const r of this.routes.values()) r.close();
    this.routes.clear();
  }

  /** The sub-stream where the camera offers one (and it can be read), else the recorded stream. */
  private async input(camera: string): Promise<string | null> {
    // Each (re)start of the camera's ffmpeg reads a fresh route; the last one is given up.
    this.routes.get(camera)?.close();
    this.routes.delete(camera);
    const recorded = this.o.inputs.recordedUrl(camera);
    if (recorded === null || this.stopped) return null;
    const sub = await this.subStream(camera, recorded);
    const route = await this.o.inputs.streamInput(camera, sub ?? undefined);
    if (route === null) return null;
    if (this.stopped) {
      route.close();
      return null;
    }
    this.routes.set(camera, route);
    return route.url;
  }

  private async subStream(camera: string, recorded: string): Promise<string | null> {
    const onvif = this.o.inputs.onvifOf(camera);
    if (!onvif) return null;
    const known = this.subStreams.get(camera);
    if (known && this.o.now() - known.at < (this.o.subStreamTtlMs ?? SUB_STREAM_TTL_MS)) return known.uri;
    let uri: string | null = null;
    try {
      uri = pickSubStream(await videoProfiles(onvif), recorded);
    } catch (err) {
      this.o.log(`live ${camera}: could not ask the camera for its sub-stream (${(err as Error).message}); showing the recorded stream`);
    }
    this.subStreams.set(camera, { uri, at: this.o.now() });
    return uri;
  }
}
