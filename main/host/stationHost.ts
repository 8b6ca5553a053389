// One running station: the record in the data folder (checked at start, its head witnessed), the
// core on the station clock, accounts, the deadline timer. Electron and the headless station both
// start one of these.
import { join } from 'node:path';
import { zoneOffsetMinutes } from '../../common/dates.js';
import { Accounts } from '../auth/accounts.js';
import { Station } from '../core/station.js';
import type { Db } from '../core/store/db.js';
import { SegmentStore } from '../core/store/segments.js';
import { SYSTEM_ACTOR } from '../../common/events.js';
import type { BackupView } from '../../common/views.js';
import { StationClock, systemTime, virtualTime, type TimeSource } from './stationClock.js';
import { WitnessKeeper, type WitnessedHead } from './headWitness.js';
import { explainUnreadable, knownHeads, openCheckedRecord, type CheckedRecordOptions } from './recordCheck.js';
import { recordIdentity, type KnownHead } from '../core/store/verify.js';
import { recordRestore, type RestoreReport } from './restore.js';
import { ensurePrivateFolder } from './privateFiles.js';
import { DEFAULT_CONFIG, type StationConfig } from './config.js';
import { DeadlineTimer } from './deadlineTimer.js';
import { backupRecord, msUntilHour } from './backup.js';
import type { CountyLinkView, ServerInfo } from '../../common/views.js';
import { RecordingService } from './recordingService.js';
import { DESK_READER_ID, ReaderService } from './readerService.js';
import { locateRecordingTools, type RecordingTools } from './recordingTools.js';
import { IdCardService } from './idCardService.js';
import { PhotoStore } from './photoStore.js';
import { EXAMPLE_AREA, EXAMPLE_AREA_ID } from './exampleArea.js';
import { MediaService } from '../media/mediaService.js';
import { EvidenceSocket } from '../media/evidenceSocket.js';
import { evidenceRequestHandler } from '../media/evidenceRequests.js';
import type { IdCardConnection, ReaderConnection } from '../../common/areaSetup.js';
import { connectionsOfArea, idCardConnectionOf, readerConnectionOf, SetupFileError } from '../../common/setupFile.js';
import { RtspRelay } from '../../hardware/camera/rtspRelay.js';
import { sameJson, type DeviceConnections } from '../api/setup/plan.js';
import { ConfigError } from './config.js';
import { DeviceTests } from './deviceTests.js';
import { readSettingsFile, settingsSchema, withDevices, writeSettingsFile } from './settingsFile.js';

export interface HostOptions {
  readonly dataDir: string;
  readonly config?: StationConfig | null;
  /** A virtual station time (tests): the wall clock and the monotonic base both read it. */
  readonly now?: () => number;
  /** Where the station clock reads the wall clock and the monotonic base (default: the system). */
  readonly time?: TimeSource;
  /** A `--restore` done just before this start: recorded as the record's next event. */
  readonly restored?: RestoreReport;
  readonly log?: (line: string) => void;
  /** Where the SQL migrations are (a packaged app keeps them beside its bundle). */
  readonly migrationsDir?: string;
  /** The devices' connections (the settings file); by default those written on the configuration's area entries. */
  readonly devices?: DeviceConnections;
  /** The settings file the connections are saved to; none: they are kept in memory only. */
  readonly settingsFile?: string | null;
  /** A record without an area waits for the first-run wizard instead of taking the example area. */
  readonly awaitSetup?: boolean;
  /** Events between state snapshots (default SNAPSHOT_EVERY_EVENTS). */
  readonly snapshotEvery?: number;
}

/** The connections written on a configuration's area entries and its desk reader. */
export function devicesOfConfig(config: StationConfig): DeviceConnections {
  try {
    const { readers, cameras } = config.area ? connectionsOfArea(config.area) : { readers: {}, cameras: {} };
    const deskReader = config.deskReader ? readerConnectionOf(config.deskReader, 'deskReader') : null;
    return { readers, cameras, deskReader, idCardReader: idCardConnectionOf(config.idCardReader, 'idCardReader') };
  } catch (err) {
    throw err instanceof SetupFileError ? new ConfigError(err.message) : err;
  }
}

/**
 * A snapshot of the state is saved after this many events (and at a clean shutdown), so that a
 * start applies at most this many events on top of it, however long the record.
 */
export const SNAPSHOT_EVERY_EVENTS = 10_000;

/** What the pages and the live channel need of the county link (main/host/countyPusher.ts). */
export interface CountyLinkSource {
  view(): CountyLinkView;
  on(event: 'change', listener: (view: CountyLinkView) => void): unknown;
  off(event: 'change', listener: (view: CountyLinkView) => void): unknown;
}

export class AreaConfigError extends Error {
  override name = 'AreaConfigError';
}

export class StationHost {
  readonly db: Db;
  readonly station: Station;
  readonly accounts: Accounts;
  readonly config: StationConfig;
  readonly now: () => number;
  /** The one clock of the station (see stationClock.ts). */
  readonly clock: StationClock;
  readonly dataDir: string;
  /** The recorders, once devices are started. */
  recording: RecordingService | null = null;
  readers: ReaderService | null = null;
  /** The desk's ID-card reader, once devices are started (null when none is configured). */
  idCards: IdCardService | null = null;
  /** The connection `idCards` runs with; a save that changes it replaces the service. */
  private idCardRunning: IdCardConnection | null = null;
  /** Replacements of the ID-card service, one after the other (the old one lets go of the port first). */
  private idCardSwitch: Promise<void> = Promise.resolve();
  /** Between startDevices and stopDevices. */
  private devicesOn = false;
  /** Registration photos and ID-card photos, named by the SHA-256 the record keeps. */
  readonly photos: PhotoStore;
  /** Live view, playback, evidence export and the viewing log. */
  readonly media: MediaService;
  /** Where `npm run evidence -- export` reaches this station while it runs. */
  private evidenceSocket: Promise<EvidenceSocket | null> | null = null;
  /** How the pages reach this station (set by whoever starts the HTTP server). */
  serverInfo: ServerInfo = { lan: false, urls: [], fingerprint: null };
  /** The replication link to the county platform, when one is configured (set at start-up). */
  countyLink: CountyLinkSource | null = null;
  private backupTimer: NodeJS.Timeout | null = null;
  private snapshotDue: NodeJS.Immediate | null = null;
  private readonly snapshotEvery: number;
  private devicesStarting: Promise<unknown> | null = null;
  /** The last tag shown to the desk's enrolment reader (not a room reader: binding a new wristband is not an unknown tag). */
  deskTag: { tag: string; at: number } | null = null;
  /** Every device's connection (the settings file's `devices`); 办案区设置 changes them. */
  private deviceConnections: DeviceConnections;
  readonly settingsFile: string | null;
  /** The relay the recorders, snapshots and camera tests read cameras through: on 127.0.0.1, started when a camera first needs it. */
  private relay: Promise<RtspRelay> | null = null;
  /** 设备发现 and the tests of 办案区设置 (devices started). */
  deviceTests: DeviceTests | null = null;
  private tools: RecordingTools | null = null;
  /** Set by the start-up: restarts the station on the example's record or the real one. */
  reopen: ((example: boolean) => void) | null = null;
  private readonly timer: DeadlineTimer;
  private readonly witness: WitnessKeeper;
  /** The hash of the record's first event, once there is one. */
  private recordName: string | null = null;
  readonly log: (line: string) => void;

  constructor(options: HostOptions) {
    this.config = options.config ?? DEFAULT_CONFIG;
    this.dataDir = options.dataDir;
    this.photos = new PhotoStore(join(options.dataDir, 'photos'));
    this.deviceConnections = options.devices ?? devicesOfConfig(this.config);
    this.settingsFile = options.settingsFile ?? null;
    this.snapshotEvery = options.snapshotEvery ?? SNAPSHOT_EVERY_EVENTS;
    this.log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
    const places = { dataDir: options.dataDir, backupDir: this.config.backup?.dir ?? null };
    const check: CheckedRecordOptions = { ...places, timeZone: this.config.timeZone, log: this.log, ...(options.migrationsDir ? { migrationsDir: options.migrationsDir } : {}) };
    this.db = openCheckedRecord(check).db;
    this.clock = new StationClock(options.time ?? (options.now ? virtualTime(options.now) : systemTime));
    this.now = () => this.clock.now();
    const tz = this.config.timeZone;
    try {
      this.station = new Station(this.db, { now: this.now, offsetAt: (ms) => zoneOffsetMinutes(ms, tz), log: this.log });
    } catch (err) {
      this.db.close();
      throw explainUnreadable(err, check);
    }
    if (places.backupDir) this.tryPrivateFolder(places.backupDir);
    this.witness = new WitnessKeeper(places, () => this.witnessedHead(), this.now, this.log);
    this.clock.begin(this.station.state.lastAt, {
      jump: (j) => this.recordSystem({ type: 'clock.jump', ...j }),
      adjust: (a) => this.recordSystem({ type: 'clock.adjust', ...a }),
      quiet: () => [...this.station.state.persons.values()].every((p) => p.exited !== null),
    });
    this.accounts = new Accounts(this.db, this.now);
    const rec = this.config.recording;
    this.media = new MediaService({
      db: this.db, now: this.now, log: this.log, timeZone: this.config.timeZone, dataDir: this.dataDir,
      settings: { segmentSeconds: rec.segmentSeconds, liveViewRoles: rec.liveViewRoles, playbackRoles: rec.playbackRoles, evidenceDir: rec.evidenceDir },
      record: (command, actor) => {
        const r = this.station.submit(command, { actor });
        if (!r.ok) return { ok: false, message: r.rejection.message };
        const recorded = r.events.find((e) => e.type === command.type);
        return recorded ? { ok: true, seq: recorded.seq } : { ok: false, message: 'not recorded' };
      },
      cameras: () => this.recording, ffmpegPath: () => this.recording?.ffmpegPath ?? rec.ffmpegPath ?? 'ffmpeg', area: () => this.station.state,
      accessLog: (account, action, target, address) => this.accounts.log(account, action, target, address),
    });
    if (options.restored) {
      const r = recordRestore(this.station, options.restored);
      if (!r.ok) this.log(`station: the restore could not be recorded: ${r.rejection.message}`);
    }
    if (!this.station.state.configured && !(options.awaitSetup && options.config?.area === undefined)) this.configureArea(options.config?.area);
    this.timer = new DeadlineTimer(() => this.station.nextDeadline, this.clock, (now) => {
      try {
        this.station.advanceTo(now);
      } catch (err) {
        this.log(`station: could not record alarm transitions: ${(err as Error).message}`);
      }
    });
    this.station.on('events', (events) => {
      this.timer.schedule();
      this.witness.noteCommit();
      // A changed area may move cameras into or out of rooms that must be recorded.
      if (events.some((e) => e.type === 'area.update' || e.type === 'area.configure')) void this.reconcileDevices();
      // Saved once the command has been answered, not in its way.
      if (this.station.eventsSinceSnapshot >= this.snapshotEvery && !this.snapshotDue) {
        this.snapshotDue = setImmediate(() => {
          this.snapshotDue = null;
          this.saveSnapshot();
        });
      }
    });
    // Deadlines that fell while the station was off fire now.
    this.station.advanceTo(this.now());
    this.timer.schedule();
    this.witness.flush();
    this.scheduleBackup();
  }

  /** Something the station itself observed, on the record as the system's. */
  private recordSystem(command: Record<string, unknown>): void {
    const r = this.station.submit(command, { actor: SYSTEM_ACTOR });
    if (!r.ok) this.log(`station: ${String(command.type)} could not be recorded: ${r.rejection.message}`);
  }

  private witnessedHead(): WitnessedHead {
    const head = this.station.store.head;
    const at = this.station.state.lastAt;
    this.recordName ??= recordIdentity(this.db);
    return { ...head, record: this.recordName ?? '', at: Number.isFinite(at) ? at : 0 };
  }

  private tryPrivateFolder(dir: string): void {
    try {
      ensurePrivateFolder(dir);
    } catch (err) {
      this.log(`station: backup folder ${dir}: ${(err as Error).message}`);
    }
  }

  /** Every head the record must still extend (for the audit check). */
  knownHeads(): KnownHead[] {
    const backupDir = this.config.backup?.dir;
    return knownHeads(this.db, this.dataDir, backupDir ? [backupDir] : [], this.log);
  }

  /** A backup now, into the configured folder; the witness there follows. */
  async backupNow(dir: string): Promise<BackupView> {
    const view = await backupRecord(this.db, dir, this.now());
    this.witness.flush();
    return view;
  }

  /** The nightly backup at the configured local hour, if a backup folder is configured. */
  private scheduleBackup(): void {
    const backup = this.config.backup;
    if (!backup) return;
    const wait = msUntilHour(this.now(), backup.hour, zoneOffsetMinutes(this.now(), this.timeZone));
    this.backupTimer = setTimeout(() => {
      void this.backupNow(backup.dir).then((r) => {
        this.log(r.verified ? `station: backup ${r.path} verified (${r.events} events)` : `station: BACKUP FAILED ${r.path}: ${r.error ?? ''}`);
      }).finally(() => this.scheduleBackup());
    }, wait);
    this.backupTimer.unref();
  }

  /** Puts a device's or the system's report on the record; a refusal is logged (a device cannot be told). */
  readonly report = (command: Record<string, unknown>, actor: string): void => {
    const r = this.station.submit(command, { actor });
    if (!r.ok) this.log(`station: ${String(command.type)} from ${actor} refused: ${r.rejection.message}`);
  };

  get timeZone(): string {
    return this.config.timeZone;
  }

  get example(): boolean {
    return this.station.state.area?.id === EXAMPLE_AREA_ID;
  }

  /** The first run: the record has no area yet and nobody has an account (the wizard is open, at the station only). */
  get firstRun(): boolean {
    return !this.station.state.configured && this.accounts.count() === 0;
  }

  get devices(): DeviceConnections {
    return this.deviceConnections;
  }

  /** Keeps new connections, in the settings file when there is one (the devices follow at reconcileDevices). */
  storeDevices(devices: DeviceConnections): void {
    if (this.settingsFile) {
      const present = readSettingsFile(this.settingsFile);
      const base = present?.settings ?? settingsSchema.parse({ timeZone: this.config.timeZone });
      writeSettingsFile(this.settingsFile, withDevices(base, devices));
    }
    this.deviceConnections = devices;
  }

  /** The readers and recorders the area and the connections call for; those unchanged keep running. */
  async reconcileDevices(): Promise<void> {
    const state = this.station.state;
    const wanted = new Map<string, ReaderConnection>();
    for (const [id, c] of Object.entries(this.deviceConnections.readers)) if (state.readers.has(id)) wanted.set(id, c);
    if (this.deviceConnections.deskReader) wanted.set(DESK_READER_ID, this.deviceConnections.deskReader);
    await Promise.all([this.readers?.apply(wanted), this.recording?.reconcile(), this.devicesOn ? this.applyIdCardReader() : undefined]);
  }

  /** An ID-card service on a connection; the driver's refusal is a configuration error. */
  private idCardService(c: IdCardConnection, seqFrom: number): IdCardService {
    try {
      return new IdCardService(c, { log: this.log, now: this.now }, seqFrom);
    } catch (err) {
      throw new ConfigError((err as Error).message);
    }
  }

  /** Replaces the desk's ID-card service when its kept connection changed (stopping the old one first); unchanged, it keeps reading. */
  private applyIdCardReader(): Promise<void> {
    this.idCardSwitch = this.idCardSwitch.then(async () => {
      const wanted = this.deviceConnections.idCardReader;
      if (!this.devicesOn || sameJson(wanted, this.idCardRunning)) return;
      const old = this.idCards;
      // The new service takes the entry form's calls at once (a form waiting on the old one asks
      // again and must not be told there is no reader); it opens the port once the old one let go.
      const next = wanted ? this.idCardService(wanted, old?.lastSeq ?? 0) : null;
      this.idCards = next;
      this.idCardRunning = wanted;
      await old?.stop();
      if (next && this.devicesOn) next.start();
      this.log(`station: desk ID-card reader ${!old ? 'connected' : next ? 'connection changed' : 'disconnected'}`);
    }).catch((err: unknown) => this.log(`station: the desk ID-card reader could not be started: ${(err as Error).message}`));
    return this.idCardSwitch;
  }

  /** First start: the configured area, or the example area when there is no configuration. */
  private configureArea(area: Record<string, unknown> | undefined): void {
    const body = area ?? EXAMPLE_AREA;
    const result = this.station.submit({ type: 'area.configure', ...body }, { actor: 'system' });
    if (!result.ok) throw new AreaConfigError(`area configuration refused: ${result.rejection.message}${result.rejection.field ? ` (field ${result.rejection.field})` : ''}`);
    this.log(area ? `station: area ${this.station.state.area?.name ?? ''} configured` : 'station: no configuration given, started the example area (示例办案区)');
  }

  /**
   * Starts the readers and recorders of the area with their connections, once the recording tools
   * are located (`shippedTools`: the folder of those shipped with the app). Resolves with why the
   * recorder cannot run, when cameras are to be recorded and it cannot (the station runs on).
   */
  startDevices(options: { readonly shippedTools?: string } = {}): Promise<{ readonly recorderProblems: readonly string[] }> {
    // The desk's ID-card reader is checked before anything starts: a mistake in it starts nothing.
    const card = this.deviceConnections.idCardReader;
    const idCards = card ? this.idCardService(card, 0) : null;
    this.idCards = idCards;
    this.idCardRunning = card;
    this.devicesOn = true;
    idCards?.start();
    const rec = this.config.recording;
    const tools = { ffmpegPath: rec.ffmpegPath, ffprobePath: rec.ffprobePath, shippedDir: options.shippedTools };
    const relay = (): Promise<RtspRelay> => {
      this.relay ??= RtspRelay.start();
      return this.relay;
    };
    const starting = locateRecordingTools(tools).then(async (located) => {
      this.tools = located;
      this.readers = new ReaderService({ report: this.report, log: this.log, now: this.now, deskTag: (seen) => { this.deskTag = seen; } });
      const ports = {
        report: this.report, log: this.log, now: this.now, area: () => this.station.state, segments: new SegmentStore(this.db),
        connections: () => this.deviceConnections.cameras, relay,
      };
      this.recording = new RecordingService(ports, {
        dir: join(this.dataDir, 'recordings'), segmentSeconds: rec.segmentSeconds, retentionDays: rec.retentionDays,
        minFreeBytes: rec.minFreeMB * 1024 * 1024, tools,
      }, located);
      this.recording.start();
      await this.reconcileDevices();
      this.deviceTests = new DeviceTests({
        now: this.now, log: this.log, relay,
        owner: (tag) => this.tagOwner(tag),
        tapReader: (transport, sink) => this.readers?.tap(transport, sink) ?? null,
        tapIdCards: (transport, sink) => (this.idCards && this.idCardRunning?.transport === transport ? this.idCards.tap(sink) : null),
        tools: () => ({ ffmpeg: (this.tools ?? located).ffmpeg.path, ffprobe: (this.tools ?? located).ffprobe.path }),
      });
      return { recorderProblems: this.recording.problems() };
    });
    this.devicesStarting = starting;
    this.evidenceSocket = EvidenceSocket.listen(this.dataDir, evidenceRequestHandler(this.media), this.log);
    return starting;
  }

  /** Whom a wristband is bound to on the record, for the read test. */
  private tagOwner(tag: string): { owner: string; name: string } | null {
    const state = this.station.state;
    const o = state.tags.get(tag);
    if (!o) return null;
    const name = o.kind === 'person' ? state.persons.get(o.id)?.name : state.officers.get(o.id)?.name;
    return { owner: `${o.kind}:${o.id}`, name: `${name ?? o.id}（${o.id}）` };
  }

  async stopDevices(): Promise<void> {
    await this.devicesStarting?.catch(() => undefined);
    this.devicesStarting = null;
    this.devicesOn = false;
    await this.idCardSwitch;
    const socket = this.evidenceSocket;
    this.evidenceSocket = null;
    // The live views read through the relay: they stop before it closes.
    await Promise.all([this.recording?.stop(), this.readers?.stop(), this.deviceTests?.stop(), this.idCards?.stop(), this.media.stop(), socket?.then((s) => s?.close())]);
    await (await this.relay?.catch(() => null))?.close();
    this.recording = null;
    this.readers = null;
    this.idCards = null;
    this.idCardRunning = null;
    this.deviceTests = null;
    this.relay = null;
  }

  /** Saves the state as of the head event (see SNAPSHOT_EVERY_EVENTS); a failure is logged, the record is what counts. */
  private saveSnapshot(): void {
    try {
      this.station.saveSnapshot();
    } catch (err) {
      this.log(`station: the state snapshot could not be saved: ${(err as Error).message}`);
    }
  }

  close(): void {
    this.clock.stop();
    this.witness.stop();
    this.timer.stop();
    if (this.backupTimer) clearTimeout(this.backupTimer);
    if (this.snapshotDue) clearImmediate(this.snapshotDue);
    // A clean shutdown leaves the next start nothing to apply.
    if (this.station.eventsSinceSnapshot > 0) this.saveSnapshot();
    this.db.close();
  }
}
