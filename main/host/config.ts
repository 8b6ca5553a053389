// The station configuration file (JSON). The `area` part is the area.configure command and is
// validated by the core like any command; the rest is validated here. Hardware settings ride on
// the area's reader and camera entries (the core keeps only id, room and role).
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DEFAULT_LIVE_ROLES, DEFAULT_PLAYBACK_ROLES } from '../../common/recordings.js';
import { ROLES } from '../../common/views.js';

const serverSchema = z.object({
  port: z.number().int().min(0).max(65535).default(8620),
  /** LAN access: listen on every interface, over HTTPS. Off by default: 127.0.0.1 only. */
  lan: z.boolean().default(false),
}).strict();

const roleList = z.array(z.enum(ROLES)).refine((roles) => new Set(roles).size === roles.length, 'a role is named twice');

const recordingSchema = z.object({
  segmentSeconds: z.number().int().min(2).max(3600).default(60),
  retentionDays: z.number().int().positive().default(30),
  minFreeMB: z.number().int().positive().default(2048),
  /** The recorder and its checker; by default the ones shipped with the app, then those on PATH. */
  ffmpegPath: z.string().min(1).optional(),
  ffprobePath: z.string().min(1).optional(),
  /** Roles that may watch a room live (实时画面). */
  liveViewRoles: roleList.default([...DEFAULT_LIVE_ROLES]),
  /** Roles that may play recordings back (录像回放). */
  playbackRoles: roleList.default([...DEFAULT_PLAYBACK_ROLES]),
  /** Where evidence exports made from the desk are written (default: evidence/ in the data folder). */
  evidenceDir: z.string().min(1).optional(),
}).strict();

const backupSchema = z.object({
  dir: z.string().min(1),
  /** Local hour (0–23) of the nightly backup. */
  hour: z.number().int().min(0).max(23).default(3),
}).strict();

/**
 * The county platform (上级督察) this station replicates its record to: its HTTPS address, the
 * enrolment token it issued (`npm run county -- enrol`), and the SHA-256 fingerprint of its
 * certificate, which is pinned (no CA is consulted).
 */
const countySchema = z.object({
  url: z.string().url().refine((u) => u.startsWith('https://'), 'must be an https:// address'),
  token: z.string().regex(/^[A-Za-z0-9_-]{10,200}$/, 'must be the token `npm run county -- enrol` printed'),
  fingerprint: z.string().regex(/^([0-9A-Fa-f]{2}:?){31}[0-9A-Fa-f]{2}$/, 'must be a SHA-256 fingerprint (64 hex digits, colons allowed)'),
}).strict();

export const configSchema = z.object({
  timeZone: z.string().default('Asia/Shanghai').refine((tz) => {
    try { new Intl.DateTimeFormat('en', { timeZone: tz }); return true; } catch { return false; }
  }, 'unknown time zone'),
  area: z.record(z.string(), z.unknown()).optional(),
  server: serverSchema.default({ port: 8620, lan: false }),
  recording: recordingSchema.default({
    segmentSeconds: 60, retentionDays: 30, minFreeMB: 2048, liveViewRoles: [...DEFAULT_LIVE_ROLES], playbackRoles: [...DEFAULT_PLAYBACK_ROLES],
  }),
  backup: backupSchema.optional(),
  /** The desk's enrolment reader (a reader entry without room or role), for binding wristbands at entry. */
  deskReader: z.record(z.string(), z.unknown()).optional(),
  /** The desk's resident ID-card reader (SAM protocol): `transport`, optional `baud`, `pollMs`, `watchdogMs`. */
  idCardReader: z.record(z.string(), z.unknown()).optional(),
  county: countySchema.optional(),
}).strict();

export type StationConfig = z.output<typeof configSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function parseConfig(value: unknown, source: string): StationConfig {
  const result = configSchema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.map(String).join('.') || '(root)';
  throw new ConfigError(`${source}: ${where}: ${issue?.message ?? 'invalid'}`);
}

export function loadConfig(path: string): StationConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError(`cannot read configuration ${path}: ${(err as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    // Say where, never what: the text around the error may hold a camera's password.
    const message = (err as Error).message;
    const line = /line (\d+) column (\d+)/.exec(message);
    const position = /position (\d+)/.exec(message);
    const at = line ? `第 ${line[1]} 行第 ${line[2]} 列` : position ? `第 ${position[1]} 个字符处` : '';
    throw new ConfigError(`${path}: 不是有效的 JSON${at ? `（${at}）` : ''}`);
  }
  return parseConfig(value, path);
}

export const DEFAULT_CONFIG: StationConfig = parseConfig({}, 'defaults');
