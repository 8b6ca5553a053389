// 设备发现 and the tests of 办案区设置, run by the station for its pages: the serial ports, read
// tests (a link of their own, or the running reader's reads when it is the same port — a serial
// port opens once), ONVIF discovery and probes, and 试录像 through the RTSP relay, so that no
// password reaches a command line. A stream that passed is remembered (by a hash, in memory) for
// an hour: saving a camera needs one.
import { createHash, randomBytes } from 'node:crypto';
import type { CameraProbeView, CameraTestView, FoundCamera, IdCardConnection, ReaderConnection, ReadTestState, SerialPortView } from '../../common/areaSetup.js';
import { CAMERA_TEST_FAILURES, SETUP_TEXT } from '../../common/setupText.js';
import { testCamera } from '../../hardware/camera/cameraTest.js';
import { CameraError } from '../../hardware/camera/cameraError.js';
import { discoverCameras } from '../../hardware/camera/discovery.js';
import { OnvifCameraControl } from '../../hardware/camera/onvifControl.js';
import type { RtspRelay } from '../../hardware/camera/rtspRelay.js';
import { parseReaderConfig } from '../../hardware/rfid/config.js';
import { listSerialPorts } from '../../hardware/rfid/portList.js';
import { ReadTally, ReadTest, type ReadTestView } from '../../hardware/rfid/readTest.js';
import type { ReaderSink } from '../../hardware/rfid/types.js';
import { parseIdCardReaderConfig } from '../../hardware/idcard/config.js';
import { IdCardReader, type IdCardSink } from '../../hardware/idcard/reader.js';

/** What a device test needs of the station, and no more. */
export interface DeviceTestPorts {
  now(): number;
  log(line: string): void;
  /** Whom a wristband is bound to on the record: 'person:ID' / 'officer:ID' with a name, or null. */
  owner(tag: string): { readonly owner: string; readonly name: string } | null;
  /** A running reader on this transport, to listen to instead of opening the port a second time. */
  tapReader(transport: string, sink: ReaderSink): (() => void) | null;
  /** The running 身份证阅读器 on this transport, likewise. */
  tapIdCards(transport: string, sink: IdCardSink): (() => void) | null;
  /** The station's relay (started on first need). */
  relay(): Promise<RtspRelay>;
  tools(): { readonly ffmpeg: string; readonly ffprobe: string };
}

export class DeviceTestError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'DeviceTestError';
  }
}

interface RunningTest {
  view(): ReadTestView;
  /** 读证测试: the cards read. */
  cards?(): NonNullable<ReadTestState['cards']>;
  stop(): Promise<void>;
  lastSeen: number;
  readonly endsAt: number;
  ended: boolean;
}

/** A read test nobody asks about for this long has been left: it ends. */
const ABANDONED_MS = 30_000;
const LONGEST_MS = 10 * 60_000;
const MAX_TESTS = 4;
const PASS_VALID_MS = 3_600_000;
/** Cards a 读证测试 shows (the latest). */
const TEST_CARDS = 5;

/** What a 读证测试 keeps of the cards read: never the photo or the whole ID number. */
class CardTally implements IdCardSink {
  online = false;
  /** Empty until the link has said anything. */
  reason = '';
  cards: NonNullable<ReadTestState['cards']> = [];
  deviceStatus(_reader: string, online: boolean, _at: number, reason: string): void {
    this.online = online;
    this.reason = reason;
  }
  cardRead(r: { card: { name: string; idNumber: string }; at: number }): void {
    this.cards = [{ name: r.card.name, idTail: r.card.idNumber.slice(-4), at: r.at }, ...this.cards].slice(0, TEST_CARDS);
  }
}

/** What the recorder is given for a camera, as a hash: the password never sits in memory longer than the test. */
export function streamFingerprint(rtsp: string, user: string | null, pass: string | null): string {
  return createHash('sha256').update(JSON.stringify([rtsp.trim(), user ?? '', pass ?? ''])).digest('hex');
}

export class DeviceTests {
  private readonly tests = new Map<string, RunningTest>();
  private readonly passed = new Map<string, number>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly ports: DeviceTestPorts) {
    this.sweeper = setInterval(() => void this.sweep(), 5000);
    this.sweeper.unref();
  }

  serialPorts(): Promise<SerialPortView[]> {
    return listSerialPorts();
  }

  startReadTest(connection: ReaderConnection): { id: string } {
    for (const [id, t] of this.tests) if (t.ended) this.tests.delete(id);
    if (this.tests.size >= MAX_TESTS) throw new DeviceTestError('TOO_MANY_TESTS', SETUP_TEXT.readTest.tooMany);
    let config;
    try {
      config = parseReaderConfig({ id: 'read-test', room: null, role: 'exit', ...connection });
    } catch (err) {
      throw new DeviceTestError('BAD_CONNECTION', SETUP_TEXT.problems.badConnection((err as Error).message));
    }
    const now = this.ports.now();
    const id = randomBytes(8).toString('hex');
    const tally = new ReadTally(now);
    const untap = this.ports.tapReader(config.transport, tally);
    let run: RunningTest;
    if (untap) {
      // The running reader is up (it would not be tapped otherwise) until it says otherwise.
      tally.deviceStatus('read-test', true, now, 'the running reader');
      run = { view: () => tally.view(), stop: async () => untap(), lastSeen: now, endsAt: now + LONGEST_MS, ended: false };
    } else {
      const test = new ReadTest(config, () => this.ports.now(), { log: (line) => this.ports.log(`read test: ${line}`) });
      run = { view: () => test.view(), stop: () => test.stop(), lastSeen: now, endsAt: now + LONGEST_MS, ended: false };
    }
    this.tests.set(id, run);
    return { id };
  }

  /** 读证测试: a link of its own to the 身份证阅读器, or the running one's cards when it is the same port. */
  startIdCardTest(connection: IdCardConnection): { id: string } {
    for (const [id, t] of this.tests) if (t.ended) this.tests.delete(id);
    if (this.tests.size >= MAX_TESTS) throw new DeviceTestError('TOO_MANY_TESTS', SETUP_TEXT.readTest.tooMany);
    let config;
    try {
      config = parseIdCardReaderConfig(connection, 'id-card-test');
    } catch (err) {
      throw new DeviceTestError('BAD_CONNECTION', SETUP_TEXT.problems.badConnection((err as Error).message));
    }
    const now = this.ports.now();
    const id = randomBytes(8).toString('hex');
    const tally = new CardTally();
    let stop: () => Promise<void>;
    const untap = this.ports.tapIdCards(config.transport, tally);
    if (untap) {
      stop = async () => untap();
    } else {
      const reader = new IdCardReader(config, tally, { now: () => this.ports.now(), log: (line) => this.ports.log(`id card test: ${line}`) });
      reader.start();
      stop = () => reader.stop();
    }
    this.tests.set(id, {
      view: () => ({ online: tally.online, reason: tally.reason, tags: [], startedAt: now }), cards: () => tally.cards,
      stop, lastSeen: now, endsAt: now + LONGEST_MS, ended: false,
    });
    return { id };
  }

  readTest(id: string): ReadTestState {
    const t = this.tests.get(id);
    if (!t) throw new DeviceTestError('NO_SUCH_TEST', SETUP_TEXT.readTest.gone);
    t.lastSeen = this.ports.now();
    const v = t.view();
    return {
      id, online: v.online, reason: v.reason, startedAt: v.startedAt, ended: t.ended,
      tags: v.tags.map((tag) => {
        const o = this.ports.owner(tag.tag);
        return { tag: tag.tag, count: tag.count, lastAt: tag.lastAt, rssi: tag.rssi, antenna: tag.antenna, owner: o?.owner ?? null, ownerName: o?.name ?? null };
      }),
      ...(t.cards ? { cards: t.cards() } : {}),
    };
  }

  async stopReadTest(id: string): Promise<void> {
    const t = this.tests.get(id);
    if (!t || t.ended) return;
    t.ended = true;
    await t.stop();
  }

  private async sweep(): Promise<void> {
    const now = this.ports.now();
    for (const [id, t] of this.tests) {
      if (t.ended) {
        if (now - t.lastSeen > ABANDONED_MS) this.tests.delete(id);
      } else if (now - t.lastSeen > ABANDONED_MS || now > t.endsAt) {
        await this.stopReadTest(id);
      }
    }
    for (const [k, at] of this.passed) if (now - at > PASS_VALID_MS) this.passed.delete(k);
  }

  async discover(): Promise<FoundCamera[]> {
    try {
      const found = await discoverCameras(3000);
      return found.map((c) => ({ urn: c.urn, name: c.name, hardware: c.hardware, onvif: c.xaddrs.find((x) => /^https?:\/\//.test(x)) ?? null, address: c.from }));
    } catch (err) {
      throw new DeviceTestError('DISCOVERY_FAILED', `局域网搜索失败：${(err as Error).message}`);
    }
  }

  async probe(onvif: string, user: string | null, pass: string | null): Promise<CameraProbeView> {
    let control: OnvifCameraControl;
    try {
      control = new OnvifCameraControl({ url: onvif, ...(user ? { user, pass: pass ?? '' } : {}) });
    } catch {
      // The address as typed is not repeated: it might carry a password.
      throw new DeviceTestError('BAD_ADDRESS', SETUP_TEXT.problems.badAddress(SETUP_TEXT.cameras.onvif, '须为 http:// 或 https:// 地址'));
    }
    try {
      const r = await control.probe();
      return {
        manufacturer: r.device?.manufacturer || null, model: r.device?.model || null, firmware: r.device?.firmwareVersion || null,
        serialNumber: r.device?.serialNumber || null, clockOffsetMs: r.clockOffsetMs,
        profiles: r.profiles.map((p) => ({
          token: p.token, name: p.name,
          video: p.video ? [p.video.encoding, p.video.width && p.video.height ? `${p.video.width}×${p.video.height}` : null].filter(Boolean).join(' ') || null : null,
          audio: p.audio ? p.audio.encoding : null, streamUri: p.streamUri, snapshotUri: p.snapshotUri,
        })),
        warnings: r.warnings,
      };
    } catch (err) {
      if (err instanceof CameraError) {
        const words = err.kind === 'auth' ? CAMERA_TEST_FAILURES.auth : err.kind === 'unreachable' ? CAMERA_TEST_FAILURES.unreachable
          : err.kind === 'timeout' ? '摄像机没有应答（ONVIF）' : `摄像机的 ONVIF 应答无法使用：${err.message}`;
        throw new DeviceTestError(`PROBE_${err.kind.toUpperCase()}`, words);
      }
      throw err;
    }
  }

  /** 试录像 through the relay; a pass is remembered for the save. */
  async testCamera(rtsp: string, user: string | null, pass: string | null): Promise<CameraTestView> {
    const relay = await this.ports.relay();
    let route;
    try {
      route = relay.open({ url: rtsp, ...(user ? { user, pass: pass ?? '' } : {}) });
    } catch {
      throw new DeviceTestError('BAD_ADDRESS', SETUP_TEXT.problems.badAddress(SETUP_TEXT.cameras.stream, '须为 rtsp:// 地址'));
    }
    try {
      const tools = this.ports.tools();
      const r = await testCamera({ url: route.url, relayState: route.state, ffmpegPath: tools.ffmpeg, ffprobePath: tools.ffprobe });
      if (r.ok) this.passed.set(streamFingerprint(rtsp, user, pass), this.ports.now());
      else this.ports.log(`camera test of ${new URL(rtsp).host}: ${r.failure ?? ''}: ${r.detail}`);
      return {
        ok: r.ok, failure: r.failure, message: r.failure ? CAMERA_TEST_FAILURES[r.failure] : SETUP_TEXT.cameras.testPassed,
        detail: r.detail.split(route.url).join('<relay>'),
        snapshot: r.snapshot ? `data:image/jpeg;base64,${r.snapshot.toString('base64')}` : null,
        recording: r.recording && { durationMs: r.recording.durationMs, video: r.recording.video, audio: r.recording.audio, videoCodec: r.recording.videoCodec, audioCodec: r.recording.audioCodec },
      };
    } finally {
      route.close();
    }
  }

  /** Whether this stream passed 试录像 within the hour. */
  hasPassed(rtsp: string, user: string | null, pass: string | null): boolean {
    const at = this.passed.get(streamFingerprint(rtsp, user, pass));
    return at !== undefined && this.ports.now() - at <= PASS_VALID_MS;
  }

  async stop(): Promise<void> {
    clearInterval(this.sweeper);
    await Promise.all([...this.tests.keys()].map((id) => this.stopReadTest(id)));
  }
}
