// The station's settings file: station.json in the data folder. It holds what the station needs
// that is not a custody fact — the time zone, the server, recording and backup settings, the desk's
// enrolment reader and ID-card reader, and every device's connection (ports, addresses, camera accounts and
// passwords, by device id) — and never the area model, which is the record's. The station reads it
// at every start; 办案区设置 writes it. It is readable by the station's user only (0600) and is
// replaced whole (a temporary file renamed over it), so that a crash never leaves half of it.
//
// A configuration file (`--config FILE` or STATION_CONFIG, the format of README 配置) is an import:
// on a data folder without a settings file, its area is recorded as area.configure (when the record
// has none) and the rest — the station settings and each device's connection written on its area
// entry — becomes the settings file. A station.json in the data folder still in that format (with
// an `area`) is imported the same way and rewritten as a settings file.
import { chmodSync, closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { readerConnectionSchema } from '../../common/areaSetup.js';
import { connectionsOfArea, idCardConnectionOf, SetupFileError, type CameraSecretConnection } from '../../common/setupFile.js';
import type { DeviceConnections } from '../api/setup/plan.js';
import { ConfigError, configSchema, type StationConfig } from './config.js';

export const SETTINGS_FILE = 'station.json';

const cameraSchema = z.object({
  rtsp: z.string().regex(/^rtsps?:\/\//), onvif: z.string().nullable().default(null), user: z.string().nullable().default(null),
  pass: z.string().nullable().default(null), profile: z.string().nullable().default(null),
}).strict();

const devicesSchema = z.object({
  readers: z.record(z.string(), readerConnectionSchema).default({}),
  cameras: z.record(z.string(), cameraSchema).default({}),
}).strict();

/** The settings file: the configuration's station settings without the area, with the devices. */
export const settingsSchema = configSchema.omit({ area: true }).extend({
  devices: devicesSchema.default({ readers: {}, cameras: {} }),
  /** The example area's record (demo/) is the one opened, by the person's choice on the first run. */
  openExample: z.boolean().default(false),
}).strict();

export type StationSettings = z.output<typeof settingsSchema>;

function problemOf(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.map(String).join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`;
}

/** The settings as read; null when there is no settings file; a file still in the configuration format is read as the import it is. */
export function readSettingsFile(path: string): { settings: StationSettings; legacy: StationConfig | null } | null {
  if (!existsSync(path)) return null;
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    // Where, never what: the file holds passwords.
    throw new ConfigError(`${path}: 不是有效的 JSON`);
  }
  if (value && typeof value === 'object' && 'area' in value) {
    const config = configSchema.safeParse(value);
    if (!config.success) throw new ConfigError(`${path}: ${problemOf(config.error)}`);
    return { settings: settingsOfConfig(config.data), legacy: config.data };
  }
  const r = settingsSchema.safeParse(value);
  if (!r.success) throw new ConfigError(`${path}: ${problemOf(r.error)}`);
  return { settings: r.data, legacy: null };
}

/** The settings file of a configuration being imported: its station settings, and each device's connection taken off its area entry. */
export function settingsOfConfig(config: StationConfig): StationSettings {
  const { area, ...station } = config;
  let devices: ReturnType<typeof connectionsOfArea>;
  try {
    devices = area ? connectionsOfArea(area) : { readers: {}, cameras: {} };
  } catch (err) {
    throw new ConfigError(err instanceof SetupFileError ? err.message : String(err));
  }
  return settingsSchema.parse({ ...station, devices });
}

/** Writes the whole file, 0600, through a temporary file renamed over it. */
export function writeSettingsFile(path: string, settings: StationSettings): void {
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(settings, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
}

/** Makes an existing settings file readable by the station's user only (one copied in may be wider). */
export function restrictSettingsFile(path: string): void {
  if (existsSync(path) && (statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
}

export function devicesOf(settings: StationSettings): DeviceConnections {
  const cameras: Record<string, CameraSecretConnection> = settings.devices.cameras;
  return {
    readers: settings.devices.readers, cameras, deskReader: settings.deskReader ? readerConnectionSchema.parse(settings.deskReader) : null,
    idCardReader: idCardReaderOf(settings.idCardReader),
  };
}

/** The settings' ID-card reader, checked as the set-up page checks it: a mistake is the settings file's, said at start. */
export function idCardReaderOf(raw: unknown): DeviceConnections['idCardReader'] {
  try {
    return idCardConnectionOf(raw, 'idCardReader');
  } catch (err) {
    throw err instanceof SetupFileError ? new ConfigError(err.message) : err;
  }
}

/** The settings with these device connections (the rest as it is). */
export function withDevices(settings: StationSettings, devices: DeviceConnections): StationSettings {
  const { deskReader: _old, idCardReader: _oldCard, ...rest } = settings;
  return {
    ...rest, devices: { readers: { ...devices.readers }, cameras: { ...devices.cameras } }, ...(devices.deskReader ? { deskReader: { ...devices.deskReader } } : {}),
    ...(devices.idCardReader ? { idCardReader: { ...devices.idCardReader } } : {}),
  };
}

export const settingsPath = (dataDir: string): string => join(dataDir, SETTINGS_FILE);
