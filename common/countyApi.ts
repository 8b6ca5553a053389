// The county platform's own API (县（市）局督察平台): its list of areas, statistics across areas,
// the alarms it raised about stations' records and the access log. One area's own pages use the
// station's contract (common/api.ts) unchanged, served by the county at /county/area/<station>/.
import { z } from 'zod';
import type { AlarmRule } from './alarms.js';
import type { AlarmView, RecordingState, SessionInfo } from './views.js';

/** Where the county's pages and API live (a station never serves these paths). */
export const COUNTY_BASE = '/county';
export const areaBase = (station: string): string => `${COUNTY_BASE}/area/${encodeURIComponent(station)}`;

/** A station silent for longer than this is 未连接 (its pusher calls at least every HEARTBEAT_MS). */
export const HEARTBEAT_MS = 30_000;
export const SILENT_AFTER_MS = 3 * HEARTBEAT_MS;

/**
 * A station's replication link, as either end sees it (已同步 / 落后 N 条 / 未连接 / 被拒绝):
 * `behind` counts the events the county does not hold yet; `refused` says why.
 */
export type LinkState =
  | { readonly state: 'synced' }
  | { readonly state: 'behind'; readonly behind: number }
  | { readonly state: 'offline'; readonly reason: string | null }
  | { readonly state: 'refused'; readonly reason: string };

export interface CountyArea {
  readonly station: string;
  readonly area: { readonly id: string; readonly name: string } | null;
  readonly timeZone: string;
  /** What the county holds: the last event and its hash. */
  readonly seq: number;
  readonly head: string;
  readonly verified: boolean;
  readonly lastSeenAt: number | null;
  /** The station's own last event, as it last said. */
  readonly stationSeq: number | null;
  readonly link: LinkState;
  readonly personsIn: number;
  readonly sessionsActive: number;
  /** Rooms that must be recorded, occupied, and not recorded now. */
  readonly unrecordedRooms: number;
  /** Recording state of each occupied room that must be recorded. */
  readonly recording: readonly { readonly room: string; readonly name: string; readonly state: RecordingState }[];
  readonly criticalAlarms: readonly AlarmView[];
  /** The county's alarms about this station's record (记录分叉 …), newest first. */
  readonly chainAlarms: number;
  /** When the area's read models stopped following its record, why. */
  readonly projectionError: string | null;
  readonly updatedAt: number | null;
}

export type ChainAlarmKind = 'gap' | 'fork' | 'broken' | 'shortened';

export interface ChainAlarmView {
  readonly id: number; readonly station: string; readonly kind: ChainAlarmKind; readonly seq: number;
  readonly heldHash: string | null; readonly receivedHash: string; readonly detail: string; readonly at: number;
}

export interface AreaStatsRow {
  readonly station: string; readonly areaName: string | null;
  readonly entries: number; readonly exits: number; readonly averageStayMinutes: number | null;
  readonly alarms: number; readonly criticalAlarms: number;
  readonly alarmsByRule: Readonly<Partial<Record<AlarmRule, number>>>;
  readonly timeLimitBreaches: number; readonly unrecordedMinutes: number;
}

export interface CountyStats { readonly from: number; readonly to: number; readonly rows: readonly AreaStatsRow[] }

export interface AccessLogEntry {
  readonly at: number; readonly account: string; readonly action: string;
  readonly station: string | null; readonly target: string | null; readonly address: string | null;
}

const none = z.object({}).strict();
const time = z.number().finite().min(0).max(8.64e15);

export const COUNTY_ARG_SCHEMAS = {
  session: none,
  login: z.object({ account: z.string().min(1).max(200), password: z.string().max(200) }).strict(),
  logout: none,
  now: none,
  areas: none,
  countyStats: z.object({ from: time, to: time }).strict().refine((a) => a.to > a.from, { path: ['to'], message: '结束时间须晚于开始时间' }),
  chainAlarms: z.object({ station: z.string().min(1).max(64).optional(), limit: z.number().int().positive().max(10_000).optional() }).strict(),
  accessLog: z.object({ limit: z.number().int().positive().max(10_000).optional() }).strict(),
} satisfies Record<string, z.ZodType>;

export type CountySignIn = { readonly ok: true; readonly session: SessionInfo } | { readonly ok: false; readonly message: string };

export interface CountyResults {
  session: SessionInfo | null;
  login: CountySignIn;
  logout: { readonly ok: true };
  /** The county's time and the zone its pages show times in. */
  now: { readonly now: number; readonly timeZone: string };
  areas: CountyArea[];
  countyStats: CountyStats;
  chainAlarms: ChainAlarmView[];
  accessLog: AccessLogEntry[];
}

export type CountyMethod = keyof typeof COUNTY_ARG_SCHEMAS & keyof CountyResults;
export type CountyArg<K extends CountyMethod> = z.input<(typeof COUNTY_ARG_SCHEMAS)[K]>;
export type CountyCheckedArg<K extends CountyMethod> = z.output<(typeof COUNTY_ARG_SCHEMAS)[K]>;

export const COUNTY_ACCESS: { readonly [K in CountyMethod]: 'public' | 'signed-in' | 'admin' } = {
  session: 'public', login: 'public', logout: 'public', now: 'signed-in',
  areas: 'signed-in', countyStats: 'signed-in', chainAlarms: 'signed-in', accessLog: 'admin',
};

export interface CountyBridge {
  invoke<K extends CountyMethod>(method: K, arg: CountyArg<K>): Promise<CountyResults[K]>;
  /** A notice per batch a station's record grew by; returns an unsubscribe. */
  subscribe(onChange: (notice: { readonly station: string; readonly seq: number }) => void, onConnection?: (up: boolean) => void): () => void;
}
