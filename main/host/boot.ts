// The one start-up path of every host (`npm run station`, `npm start`, the desk app): the
// arguments and the configuration file → the data folder → the record → the station and its
// devices → one API service → the HTTP server when one is wanted. What cannot go on is a
// StartupError (said to the person in Chinese and written to station.log in the data folder);
// what the station can run with but someone must fix is returned as a warning.
import { join, resolve } from 'node:path';
import { STARTUP_TEXT } from '../../common/startupText.js';
import { UsageError } from '../cli/args.js';
import { ApiService } from '../api/service.js';
import { SchemaTooNewError } from '../core/store/migrations.js';
import { useSqliteBinding } from '../core/store/db.js';
import { NO_DEVICES, type DeviceConnections } from '../api/setup/plan.js';
import { ConfigError, loadConfig, type StationConfig } from './config.js';
import { lockDataFolder, type DataLock } from './dataLock.js';
import { DEMO_DIR, findConfig, prepareDataFolder, recordPlace, type RecordPlace } from './dataFolder.js';
import {
  devicesOf, readSettingsFile, restrictSettingsFile, settingsOfConfig, settingsPath, settingsSchema, writeSettingsFile, type StationSettings,
} from './settingsFile.js';
import { CountyPusher } from './countyPusher.js';
import { DB_FILE } from './recordCheck.js';
import { restoreBackup } from './restore.js';
import { systemTime } from './stationClock.js';
import { serve, type Serving } from './serve.js';
import { parseStartArgs, type StartArgs } from './startArgs.js';
import { StartupError } from './startupError.js';
import { appendStartupLog } from './startupLog.js';
import { AreaConfigError, StationHost } from './stationHost.js';

export interface BootOptions {
  /** The station's command-line options (see START_USAGE). */
  readonly argv: readonly string[];
  /** STATION_CONFIG and STATION_DATA are read from here. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The data folder when neither --data nor STATION_DATA names one. */
  readonly defaultDataDir: string;
  /** The built pages. */
  readonly rendererDir: string;
  /**
   * 'always': the headless station, whose pages are its HTTP server (127.0.0.1 unless LAN access);
   * 'lan': the desk app, whose window talks over IPC: a port only with LAN access.
   */
  readonly http: 'always' | 'lan';
  /** Where the SQL migrations are (a packaged app keeps them beside its bundle). */
  readonly migrationsDir?: string;
  /** The folder of the recording tools shipped with the installed app (resources/ffmpeg). */
  readonly shippedTools?: string;
  /** A better-sqlite3 addon built for this runtime, when it is not node_modules' own. */
  readonly sqliteBinding?: string;
  readonly log: (line: string) => void;
  readonly now?: () => number;
  /**
   * The person chose the other record (the example's, or the real one): the host stops this
   * station and boots again. Without it the station cannot switch (the page is told so).
   */
  readonly onReopen?: () => void;
}

export interface BootedStation {
  readonly host: StationHost;
  /** The one API service, for the HTTP server and the window's IPC alike. */
  readonly service: ApiService;
  /** The HTTP server, when one was started. */
  readonly serving: Serving | null;
  readonly dataDir: string;
  readonly configPath: string | null;
  readonly record: RecordPlace & { readonly path: string };
  /** Problems the station runs with, already logged; each host shows them to the person. */
  readonly warnings: readonly StartupError[];
  stop(): Promise<void>;
}

/** What an unexpected failure looks like to the person, with the details kept for the log. */
function asStartupError(err: unknown, configPath: string | null): StartupError {
  if (err instanceof StartupError) return err;
  if (err instanceof UsageError) return new StartupError('USAGE', STARTUP_TEXT.usage(err.message), { cause: err });
  if (err instanceof ConfigError) {
    const where = configPath ?? '';
    const detail = err.message.startsWith(`${where}: `) ? err.message.slice(where.length + 2) : err.message;
    return new StartupError('CONFIG_INVALID', STARTUP_TEXT.configInvalid(where, detail), { cause: err });
  }
  return new StartupError('INTERNAL', STARTUP_TEXT.internal((err as Error).message), { cause: err });
}

/**
 * Finds the record (restoring a backup into its place first when asked), and opens it checked;
 * a record written by a newer station is refused in the person's words.
 */
function openRecord(
  dataDir: string, args: StartArgs, config: StationConfig, settings: StationSettings, configPath: string | null, o: BootOptions, now: () => number,
): { place: RecordPlace; host: StationHost } {
  let path = join(dataDir, DB_FILE);
  try {
    const place = recordPlace(dataDir, {
      configuresArea: config.area !== undefined, restoring: args.restore !== undefined, example: args.example || settings.openExample, now: now(),
    }, o.log);
    path = join(place.dir, DB_FILE);
    const restored = args.restore === undefined ? undefined
      : restoreBackup({ dataDir: place.dir, backupDir: config.backup?.dir ?? null }, args.restore, now(), o.log);
    // The example's devices are its own (demo/station.json); the real area's are the station's settings file.
    const settingsFile = settingsPath(place.dir);
    const devices: DeviceConnections = place.demo ? demoDevices(settingsFile, settings) : devicesOf(settings);
    const host = new StationHost({
      dataDir: place.dir, config, log: o.log, devices, settingsFile, awaitSetup: !place.demo,
      ...(o.migrationsDir ? { migrationsDir: o.migrationsDir } : {}), ...(o.now ? { now: o.now } : {}), ...(restored ? { restored } : {}),
    });
    return { place, host };
  } catch (err) {
    if (err instanceof SchemaTooNewError) throw new StartupError('DB_NEWER', STARTUP_TEXT.dbNewer(path, err.found, err.supported), { cause: err });
    if (err instanceof AreaConfigError) throw new StartupError('AREA_REFUSED', STARTUP_TEXT.areaRefused(configPath ?? '', err.message), { cause: err });
    throw err;
  }
}

/**
 * The devices set up in the example area's record: none until someone tries the set-up there, but
 * the desk's 身份证阅读器, which is the desk's and not an area's — the example shows it reading.
 */
function demoDevices(file: string, station: StationSettings): DeviceConnections {
  const present = readSettingsFile(file);
  return present ? devicesOf(present.settings) : { ...NO_DEVICES, idCardReader: devicesOf(station).idCardReader };
}

/**
 * The station's settings, and the configuration to import: the settings file in the data folder
 * when there is one (one still in the configuration format is an import), else the --config /
 * STATION_CONFIG file, imported on this first start. A configuration file given while a settings
 * file exists is not read: it was imported once, and 办案区设置 keeps the settings since.
 */
function stationSettings(dataDir: string, args: StartArgs, env: BootOptions['env'], warnings: StartupError[]): {
  settings: StationSettings; imported: StationConfig | null;
  /** The file the settings come from (the settings file, or the configuration imported). */
  path: string | null;
} {
  const file = settingsPath(dataDir);
  const given = findConfig(args.config, env);
  let present;
  try {
    restrictSettingsFile(file);
    present = readSettingsFile(file);
  } catch (err) {
    throw err instanceof ConfigError ? new StartupError('CONFIG_INVALID', STARTUP_TEXT.configInvalid(file, err.message.replace(`${file}: `, '')), { cause: err }) : err;
  }
  if (present) {
    if (given) warnings.push(new StartupError('CONFIG_NOT_IMPORTED', STARTUP_TEXT.configNotImported(given, file)));
    return { settings: present.settings, imported: present.legacy, path: file };
  }
  if (!given) return { settings: settingsSchema.parse({}), imported: null, path: null };
  const imported = loadConfig(given);
  return { settings: settingsOfConfig(imported), imported, path: given };
}

/** The configuration the host runs with: the station settings, and the area only when it is being imported. */
export function hostConfig(settings: StationSettings, imported: StationConfig | null): StationConfig {
  const { devices: _devices, openExample: _example, ...station } = settings;
  return { ...station, ...(imported?.area ? { area: imported.area } : {}) };
}

/** The configured area's id, when the configuration names one. */
function configuredAreaId(config: StationConfig | null): string | null {
  const area = config?.area?.area;
  return area && typeof area === 'object' && typeof (area as { id?: unknown }).id === 'string' ? (area as { id: string }).id : null;
}

export async function bootStation(o: BootOptions): Promise<BootedStation> {
  let args: StartArgs;
  try {
    args = parseStartArgs(o.argv);
  } catch (err) {
    throw asStartupError(err, null);
  }
  const dataDir = resolve(args.data ?? o.env.STATION_DATA ?? o.defaultDataDir);
  prepareDataFolder(dataDir);
  const now = o.now ?? systemTime.wall;
  let lock: DataLock | null = null;
  const warnings: StartupError[] = [];
  let configPath: string | null = null;
  let host: StationHost | null = null;
  let serving: Serving | null = null;
  let pusher: CountyPusher | null = null;
  try {
    lock = lockDataFolder(dataDir, now());
    const held = lock;
    useSqliteBinding(o.sqliteBinding);
    configPath = findConfig(args.config, o.env);
    const { settings, imported, path: settingsSource } = stationSettings(dataDir, args, o.env, warnings);
    configPath = settingsSource;
    const config = hostConfig(settings, imported);
    const opened = openRecord(dataDir, args, config, settings, configPath, o, now);
    const place = opened.place;
    host = opened.host;
    // Imported once: from now on the settings file holds the station settings and the connections.
    if (imported) {
      writeSettingsFile(settingsPath(dataDir), { ...settingsOfConfig(imported), openExample: settings.openExample });
      o.log(`station: configuration ${configPath ?? ''} imported into ${settingsPath(dataDir)}`);
    }
    if (place.demo) o.log(`station: ${STARTUP_TEXT.demo(place.dir)}`);
    else if (!host.station.state.configured) o.log(`station: ${STARTUP_TEXT.firstRun(place.dir)}`);
    const reopen = o.onReopen;
    if (reopen) {
      host.reopen = (example) => {
        const file = settingsPath(dataDir);
        const current = readSettingsFile(file)?.settings ?? settings;
        writeSettingsFile(file, { ...current, openExample: example });
        o.log(`station: reopening on ${example ? `the example area's record (${join(dataDir, DEMO_DIR)})` : 'this area\'s record'}`);
        reopen();
      };
    }
    const configured = configuredAreaId(imported);
    const recorded = host.station.state.area?.id ?? null;
    if (configured !== null && recorded !== null && configured !== recorded) warnings.push(new StartupError('AREA_DIFFERS', STARTUP_TEXT.areaDiffers(recorded, configured)));
    // Replication to the county: before the servers, so that their live channels carry its changes.
    if (config?.county) {
      const running = host;
      pusher = new CountyPusher({
        endpoint: config.county, recordPath: join(place.dir, DB_FILE), timeZone: config.timeZone, now: running.now, log: o.log,
        onCommit: (listener) => {
          running.station.on('events', listener);
          return () => running.station.off('events', listener);
        },
        ...(o.migrationsDir ? { migrationsDir: o.migrationsDir } : {}),
      });
      host.countyLink = pusher;
      pusher.start();
    }
    const devices = await host.startDevices(o.shippedTools ? { shippedTools: o.shippedTools } : {});
    if (devices.recorderProblems.length > 0) warnings.push(new StartupError('RECORDER_MISSING', STARTUP_TEXT.recorderMissing(devices.recorderProblems)));
    const service = new ApiService(host);
    const lan = args.lan || config.server.lan;
    if (o.http === 'always' || lan) {
      serving = await serve(host, {
        rendererDir: o.rendererDir, service, lan, dataDir, port: args.port ?? config.server.port, ...(args.bind ? { bind: args.bind } : {}),
      });
      host.serverInfo = serving.info;
    }
    for (const w of warnings) {
      o.log(`station: ${w.message}`);
      appendStartupLog(dataDir, now(), 'warning', w.code, w.message);
    }
    appendStartupLog(dataDir, now(), 'start', place.demo ? 'DEMO' : 'RECORD', `${join(place.dir, DB_FILE)}; configuration ${configPath ?? '(none)'}; ${serving ? `serving ${serving.url}` : 'no port'}`);
    const running = host;
    const server = serving;
    const link = pusher;
    return {
      host: running, service, serving: server, dataDir, configPath, record: { ...place, path: join(place.dir, DB_FILE) }, warnings,
      async stop() {
        await server?.server.close();
        await link?.stop();
        await running.stopDevices();
        running.close();
        held.release();
      },
    };
  } catch (err) {
    const failure = asStartupError(err, configPath);
    const cause = failure.cause instanceof Error ? (failure.cause.stack ?? failure.cause.message) : undefined;
    appendStartupLog(dataDir, now(), 'error', failure.code, failure.message, failure.code === 'INTERNAL' ? cause : undefined);
    await serving?.server.close().catch(() => undefined);
    await pusher?.stop().catch(() => undefined);
    await host?.stopDevices().catch(() => undefined);
    host?.close();
    lock?.release();
    throw failure;
  }
}
