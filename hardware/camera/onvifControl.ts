// CameraControl over the `onvif` package (agsh). The package's loose callback API stays in here:
// each call goes through callCam (one settlement, a time limit, CameraError on failure) and each
// answer through a schema. The package's connect() is not used: it throws from inside callbacks
// on some profile sets ("Unrecognized configuration") and may call back twice.
import onvif, { type Cam } from 'onvif';
import { CameraError } from './cameraError.js';
import type {
  CameraControl, DeviceInfo, EventHandlers, EventSubscription, MediaProfile, ProbedProfile, ProbeResult, RecordingJob, ServiceSet,
} from './control.js';
import { callCam } from './onvifCall.js';
import { toProfiles, toRecordingJobs } from './onvifShapes.js';
import { DEFAULT_PULL_OPTIONS, runPullPoint, type PullPointOptions } from './pullPoint.js';
import { leafText, xmlText } from './soapFault.js';

export interface OnvifTarget {
  /** The device service, e.g. http://192.168.1.64 or http://192.168.1.64:8080/onvif/device_service. */
  url: string;
  user?: string;
  pass?: string;
  /** Time limit of each request (default 5000 ms). */
  timeoutMs?: number;
  /** WS-UsernameToken in each request (default true); HTTP digest is answered either way. */
  useWsSecurity?: boolean;
  /** Event subscription timings. */
  events?: Partial<PullPointOptions>;
}

/** Failures after which a probe is pointless: the camera is not there or will not let us in. */
const FATAL = new Set(['timeout', 'unreachable', 'auth']);

export class OnvifCameraControl implements CameraControl {
  private readonly cam: Cam;
  private readonly timeoutMs: number;
  private readonly address: string;
  private connected: Promise<void> | null = null;
  private clockOffset: number | null = null;
  private readonly warnings: string[] = [];

  constructor(private readonly target: OnvifTarget) {
    let url: URL;
    try {
      url = new URL(target.url);
    } catch {
      throw new Error(`not an ONVIF address: ${target.url}`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`ONVIF address must be http:// or https://, got ${target.url}`);
    this.timeoutMs = target.timeoutMs ?? 5000;
    const secure = url.protocol === 'https:';
    this.address = `${url.protocol}//${url.host}`;
    this.cam = new onvif.Cam({
      hostname: url.hostname.replace(/^\[|\]$/g, ''),
      port: url.port === '' ? (secure ? 443 : 80) : Number(url.port),
      path: url.pathname === '/' ? '/onvif/device_service' : url.pathname,
      useSecure: secure,
      username: target.user,
      password: target.pass,
      timeout: this.timeoutMs,
      useWSSecurity: target.useWsSecurity ?? true,
      autoconnect: false,
      // Cameras behind NAT or port forwarding advertise service addresses the station cannot
      // reach; keep the host and port the installer gave.
      preserveAddress: true,
    });
  }

  async probe(): Promise<ProbeResult> {
    await this.connect();
    const warnings = [...this.warnings];
    const optional = async <T>(what: Promise<T>): Promise<T | null> => {
      try {
        return await what;
      } catch (err) {
        if (!(err instanceof CameraError) || FATAL.has(err.kind)) throw err;
        warnings.push(err.message);
        return null;
      }
    };
    const device = await optional(this.deviceInformation());
    const profiles: ProbedProfile[] = [];
    for (const p of await this.profiles()) {
      const streamUri = p.video ? await optional(this.streamUri(p.token)) : null;
      const snapshotUri = p.video ? await optional(this.snapshotUri(p.token)) : null;
      profiles.push({ ...p, streamUri, snapshotUri });
    }
    return { address: this.address, device, clockOffsetMs: this.clockOffset, services: this.services(), profiles, warnings };
  }

  async deviceInformation(): Promise<DeviceInfo> {
    await this.connect();
    const { answer } = await callCam('GetDeviceInformation', this.timeoutMs, (cb) => this.cam.getDeviceInformation(cb));
    // Read from the raw answer: the package's parse turns "5.50" into 5.5 and serials into numbers.
    const get = (name: string) => leafText(answer, name) ?? '';
    const info = { manufacturer: get('Manufacturer'), model: get('Model'), firmwareVersion: get('FirmwareVersion'), serialNumber: get('SerialNumber'), hardwareId: get('HardwareId') };
    if (leafText(answer, 'Model') === null && leafText(answer, 'Manufacturer') === null) {
      throw new CameraError('malformed', 'GetDeviceInformation', 'the answer names neither manufacturer nor model');
    }
    return info;
  }

  async clockOffsetMs(): Promise<number> {
    const sent = Date.now();
    const { data } = await callCam('GetSystemDateAndTime', this.timeoutMs, (cb) => this.cam.getSystemDateAndTime(cb));
    const received = Date.now();
    if (!(data instanceof Date) || !Number.isFinite(data.getTime())) {
      throw new CameraError('malformed', 'GetSystemDateAndTime', 'the answer holds no usable date and time');
    }
    // The camera's clock has one-second resolution; compare with the middle of the round trip.
    this.clockOffset = data.getTime() - Math.round((sent + received) / 2);
    return this.clockOffset;
  }

  async profiles(): Promise<MediaProfile[]> {
    await this.connect();
    const { data } = await callCam('GetProfiles', this.timeoutMs, (cb) => this.cam.getProfiles(cb));
    const profiles = toProfiles('GetProfiles', data);
    if (profiles.length === 0) throw new CameraError('malformed', 'GetProfiles', 'the camera lists no media profiles');
    return profiles;
  }

  streamUri(profileToken: string): Promise<string> {
    return this.mediaUri('GetStreamUri', (cb) => this.cam.getStreamUri({ protocol: 'RTSP', profileToken: xmlText(profileToken) }, cb));
  }

  snapshotUri(profileToken: string): Promise<string> {
    return this.mediaUri('GetSnapshotUri', (cb) => this.cam.getSnapshotUri({ profileToken: xmlText(profileToken) }, cb));
  }

  async recordingJobs(): Promise<RecordingJob[] | null> {
    await this.connect();
    if (!this.cam.uri?.recording) return null;
    try {
      const { data } = await callCam('GetRecordingJobs', this.timeoutMs, (cb) => this.cam.getRecordingJobs(cb));
      return toRecordingJobs('GetRecordingJobs', data);
    } catch (err) {
      if (err instanceof CameraError && err.kind === 'unsupported') return null;
      throw err;
    }
  }

  subscribeEvents(handlers: EventHandlers): EventSubscription {
    const options = { ...DEFAULT_PULL_OPTIONS, callTimeoutMs: this.timeoutMs, ...this.target.events };
    return runPullPoint(this.cam, handlers, options, async () => {
      await this.connect();
      if (!this.cam.uri?.events) throw new CameraError('unsupported', 'CreatePullPointSubscription', 'the camera advertises no event service');
    });
  }

  private async mediaUri(action: string, invoke: Parameters<typeof callCam>[2]): Promise<string> {
    await this.connect();
    let answer: string;
    try {
      answer = (await callCam(action, this.timeoutMs, invoke)).answer;
    } catch (err) {
      // Profile T cameras may answer a URI only over Media2; profile tokens are shared.
      if (!(err instanceof CameraError) || err.kind !== 'unsupported' || this.cam.media2Support || !this.cam.uri?.media2) throw err;
      // The package picks Media1 or Media2 while building the request, synchronously; the flag
      // is flipped only for that moment so that concurrent calls keep Media1.
      answer = (await callCam(`${action} (Media2)`, this.timeoutMs, (cb) => {
        this.cam.media2Support = true;
        try {
          invoke(cb);
        } finally {
          this.cam.media2Support = false;
        }
      })).answer;
    }
    const uri = leafText(answer, 'Uri');
    if (!uri || !/^[a-z][a-z0-9+.-]*:\/\//i.test(uri)) throw new CameraError('malformed', action, 'the answer holds no URI');
    return uri;
  }

  private services(): ServiceSet {
    const u = this.cam.uri ?? {};
    return {
      media: !!u.media, media2: !!u.media2, events: !!u.events, ptz: !!(u.ptz ?? u.PTZ),
      imaging: !!u.imaging, recording: !!u.recording, replay: !!u.replay,
    };
  }

  /** Clock and service addresses, once; a failed attempt is retried by the next call. */
  private connect(): Promise<void> {
    this.connected ??= this.discover().catch((err: unknown) => {
      this.connected = null;
      throw err;
    });
    return this.connected;
  }

  private async discover(): Promise<void> {
    this.warnings.length = 0;
    try {
      // Also sets the package's timeShift, used for the WS-UsernameToken's Created time.
      await this.clockOffsetMs();
    } catch (err) {
      if (!(err instanceof CameraError) || FATAL.has(err.kind)) throw err;
      this.warnings.push(err.message);
      // Without it the package would stamp WS-Security tokens with a 1970 time; use ours.
      this.cam.timeShift = Date.now() - process.uptime() * 1000;
    }
    try {
      await callCam('GetServices', this.timeoutMs, (cb) => this.cam.getServices(true, cb));
    } catch (err) {
      if (!(err instanceof CameraError) || err.kind === 'timeout' || err.kind === 'unreachable') throw err;
      // Older cameras know only GetCapabilities (and some refuse GetServices with capabilities).
      await callCam('GetCapabilities', this.timeoutMs, (cb) => this.cam.getCapabilities(cb));
    }
    const uri = this.cam.uri ?? {};
    if (!uri.media && !uri.media2) throw new CameraError('malformed', 'GetServices', 'the camera advertises no media service');
    // Media1 (Profile S) wherever it exists: every such camera answers it, while the package's
    // Media2 profile conversion throws on profiles without a Configurations element.
    this.cam.media2Support = !uri.media && !!uri.media2;
  }
}
