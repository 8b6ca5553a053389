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
import { ConfigError, DEFAULT_CONFIG, type StationConfig } from './config.js';
import { DeadlineTimer } from './deadlineTimer.js';
import { backupRecord, msUntilHour } from './backup.js';
import type { ServerInfo } from '../../common/views.js';
import { camerasFromConfig } from './deviceConfig.js';
import { RecordingService } from './recordingService.js';
import { DESK_READER_ID, ReaderService, readersFromConfig } from './readerService.js';
import { parseReaderConfig } from '../../hardware/rfid/config.js';
import { locateRecordingTools } from './recordingTools.js';
import { IdCardService } from './idCardService.js';
import { PhotoStore } from './photoStore.js';
import { EXAMPLE_AREA, EXAMPLE_AREA_ID } from './exampleArea.js';

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
  /** Registration photos and ID-card photos, named by the SHA-256 the record keeps. */
  readonly photos: PhotoStore;
  /** How the pages reach this station (set by whoever starts the HTTP server). */
  serverInfo: ServerInfo = { lan: false, urls: [], fingerprint: null };
  private backupTimer: NodeJS.Timeout | null = null;
  private devicesStarting: Promise<unknown> | null = null;
  /** The last tag shown to the desk's enrolment reader (not a room reader: binding a new wristband is not an unknown tag). */
  deskTag: { tag: string; at: number } | null = null;
  private readonly timer: DeadlineTimer;
  private readonly witness: WitnessKeeper;
  /** The hash of the record's first event, once there is one. */
  private recordName: string | null = null;
  readonly log: (line: string) => void;

  constructor(options: HostOptions) {
    this.config = options.config ?? DEFAULT_CONFIG;
    this.dataDir = options.dataDir;
    this.photos = new PhotoStore(join(options.dataDir, 'photos'));
    this.log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
    const places = { dataDir: options.dataDir, backupDir: this.config.backup?.dir ?? null };
    const check: CheckedRecordOptions = { ...places, timeZone: this.config.timeZone, log: this.log, ...(options.migrationsDir ? { migrationsDir: options.migrationsDir } : {}) };
    this.db = openCheckedRecord(check).db;
    this.clock = new StationClock(options.time ?? (options.now ? virtualTime(options.now) : systemTime));
    this.now = () => this.clock.now();
    const tz = this.config.timeZone;
    try {
      this.station = new Station(this.db, { now: this.now, offsetAt: (ms) => zoneOffsetMinutes(ms, tz) });
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
    if (options.restored) {
      const r = recordRestore(this.station, options.restored);
      if (!r.ok) this.log(`station: the restore could not be recorded: ${r.rejection.message}`);
    }
    if (!this.station.state.configured) this.configureArea(options.config?.area);
    this.timer = new DeadlineTimer(() => this.station.nextDeadline, this.clock, (now) => {
      try {
        this.station.advanceTo(now);
      } catch (err) {
        this.log(`station: could not record alarm transitions: ${(err as Error).message}`);
      }
    });
    this.station.on('events', () => {
      this.timer.schedule();
      this.witness.noteCommit();
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

  /** First start: the configured area, or the example area when there is no configuration. */
  private configureArea(area: Record<string, unknown> | undefined): void {
    const body = area ?? EXAMPLE_AREA;
    const result = this.station.submit({ type: 'area.configure', ...body }, { actor: 'system' });
    if (!result.ok) throw new AreaConfigError(`area configuration refused: ${result.rejection.message}${result.rejection.field ? ` (field ${result.rejection.field})` : ''}`);
    this.log(area ? `station: area ${this.station.state.area?.name ?? ''} configured` : 'station: no configuration given, started the example area (示例办案区)');
  }

  /**
   * Starts the readers and recorders named in the configuration, once the recording tools are
   * located (`shippedTools`: the folder of those shipped with the app). Resolves with why the
   * recorder cannot run, when cameras are to be recorded and it cannot (the station runs on).
   */
  startDevices(options: { readonly shippedTools?: string } = {}): Promise<{ readonly recorderProblems: readonly string[] }> {
    // The configuration is checked before anything starts, so a mistake in it starts nothing.
    let desk = null;
    let readers;
    try {
      // The enrolment reader places nobody: it is described like a reader outside every room.
      desk = this.config.deskReader ? parseReaderConfig({ id: DESK_READER_ID, room: null, role: 'exit', ...this.config.deskReader }) : null;
      readers = readersFromConfig(this.config.area);
    } catch (err) {
      throw err instanceof ConfigError ? err : new ConfigError(`area.readers: ${(err as Error).message}`);
    }
    let idCards = null;
    try {
      idCards = this.config.idCardReader ? new IdCardService(this.config.idCardReader, { log: this.log, now: this.now }) : null;
    } catch (err) {
      throw new ConfigError((err as Error).message);
    }
    this.idCards = idCards;
    idCards?.start();
    const cameras = camerasFromConfig(this.config.area);
    const rec = this.config.recording;
    const tools = { ffmpegPath: rec.ffmpegPath, ffprobePath: rec.ffprobePath, shippedDir: options.shippedTools };
    const starting = locateRecordingTools(tools).then((located) => {
      this.readers = new ReaderService({ report: this.report, log: this.log, now: this.now, deskTag: (seen) => { this.deskTag = seen; } }, readers, desk);
      this.readers.start();
      const ports = { report: this.report, log: this.log, now: this.now, area: () => this.station.state, segments: new SegmentStore(this.db) };
      this.recording = new RecordingService(ports, cameras, {
        dir: join(this.dataDir, 'recordings'), segmentSeconds: rec.segmentSeconds, retentionDays: rec.retentionDays,
        minFreeBytes: rec.minFreeMB * 1024 * 1024, tools,
      }, located);
      this.recording.start();
      return { recorderProblems: this.recording.problems() };
    });
    this.devicesStarting = starting;
    return starting;
  }

  async stopDevices(): Promise<void> {
    await this.devicesStarting?.catch(() => undefined);
    this.devicesStarting = null;
    await Promise.all([this.recording?.stop(), this.readers?.stop(), this.idCards?.stop()]);
    this.recording = null;
    this.readers = null;
    this.idCards = null;
  }

  close(): void {
    this.clock.stop();
    this.witness.stop();
    this.timer.stop();
    if (this.backupTimer) clearTimeout(this.backupTimer);
    this.db.close();
  }
}
