// One area's pages at the county: the station's own API contract (common/api.ts), answered
// read-only from PostgreSQL for one station. Inside an area every county account is a supervisor
// (its admin powers are the county's, not the area's): commands, accounts and the station's own
// devices are refused; reads of personal data are logged with the station they concern.
import type { ApiCheckedArg, ApiMethod, ApiResult } from '../../../common/api.js';
import { API_ACCESS, mayCall } from '../../../common/api.js';
import type { Overview, SessionInfo, UsageForm } from '../../../common/views.js';
import { DEFAULT_SETTINGS } from '../../../common/settings.js';
import { SETUP_ACCESS } from '../../../common/setupApi.js';
import { ApiError, loggedRead, parseApiArg } from '../../api/service.js';
import { MAX_PERIODS } from '../../api/queries/stats.js';
import { GENESIS_HASH } from '../../core/store/chain.js';
import type { CountyAccounts } from '../store/accounts.js';
import type { Pool } from '../store/pool.js';
import { areaAlarms, areaLedger, areaOverview, areaPerson, areaPersons, areaRows, areaSearch, areaStats, areaTimeline, chainAlarms, type AreaRow } from '../store/reads.js';

export interface AreaCall {
  readonly session: SessionInfo | null;
  readonly address: string | null;
}

type Handler<K extends ApiMethod> = (arg: ApiCheckedArg<K>, area: AreaRow, call: AreaCall) => Promise<ApiResult<K>>;
type Handlers = { [K in ApiMethod]: Handler<K> };

/** A county account as the area's pages see it: a supervisor. */
export const asAreaSession = (s: SessionInfo | null): SessionInfo | null => (s ? { ...s, roles: ['supervisor'] } : null);

const READ_ONLY = (): never => {
  throw new ApiError(403, 'READ_ONLY', '县局督察平台只读：不能在此登记或操作办案区');
};

const NO_RECORDINGS = (): never => {
  throw new ApiError(409, 'NO_RECORDING', '录像保存在办案区工作站：县局督察平台不提供录像的观看、回放和导出');
};

/** 办案区设置 and its device tests are the station's own: the county never sets an area up. */
const SETUP_READ_ONLY = Object.fromEntries(Object.keys(SETUP_ACCESS).map((m) => [m, READ_ONLY])) as { readonly [K in keyof typeof SETUP_ACCESS]: typeof READ_ONLY };

function emptyOverview(area: AreaRow): Overview {
  return {
    now: 0, timeZone: area.timeZone, example: false, area: area.areaId ? { id: area.areaId, name: area.areaName ?? area.areaId } : null,
    settings: DEFAULT_SETTINGS, rooms: [], readers: [], removed: { rooms: [], devices: [] }, persons: [], officers: [], alarms: [], awaitingAck: [],
    record: { events: 0, headHash: GENESIS_HASH },
  };
}

export class AreaApi {
  private readonly handlers: Handlers;

  constructor(private readonly pool: Pool, private readonly accounts: CountyAccounts, private readonly now: () => number) {
    this.handlers = this.makeHandlers();
  }

  /** The station, or null when no such station is enrolled. */
  async area(station: string): Promise<AreaRow | null> {
    return (await areaRows(this.pool, station))[0] ?? null;
  }

  async call<K extends ApiMethod>(method: K, rawArg: unknown, area: AreaRow, call: AreaCall): Promise<ApiResult<K>> {
    const session = asAreaSession(call.session);
    if (API_ACCESS[method] !== 'public' && !session) throw new ApiError(401, 'NOT_SIGNED_IN', '请先登录');
    if (session && !mayCall(session.roles, method)) throw new ApiError(403, 'FORBIDDEN', '当前账户的角色无权执行此操作');
    const arg = parseApiArg(method, rawArg);
    const logged = loggedRead(method, arg);
    if (call.session && logged !== undefined) await this.accounts.logRead(call.session.account, method, area.station, logged, call.address);
    return (this.handlers[method] as Handler<K>)(arg, area, { ...call, session });
  }

  private makeHandlers(): Handlers {
    const pool = this.pool;
    const overviewOf = async (area: AreaRow): Promise<Overview> => {
      const o = (await areaOverview(pool, area.station)) ?? emptyOverview(area);
      return { ...o, now: this.now(), timeZone: area.timeZone, record: { events: area.seq, headHash: area.head } };
    };
    return {
      ...SETUP_READ_ONLY,
      session: async (_a, _area, call) => call.session,
      setupState: async () => ({ needed: false, example: false, firstRun: false }),
      setup: READ_ONLY,
      // Signing in and out is the county's own (its home page); here the pages only ask who is signed in.
      login: async () => ({ ok: false, message: '请在县局督察平台首页登录' }),
      logout: async () => ({ ok: true }),
      changePassword: READ_ONLY,
      overview: async (_a, area) => overviewOf(area),
      persons: async (a, area) => areaPersons(pool, area.station, a),
      search: async (a, area) => areaSearch(pool, area.station, a),
      // The recordings stay on the station (they are not replicated): the county's pages offer none.
      mediaAccess: async () => ({ live: false, playback: false, exportEvidence: false, viewingLog: false }),
      recordingPlan: NO_RECORDINGS,
      sessionRecording: NO_RECORDINGS,
      personRecordings: NO_RECORDINGS,
      exportEvidence: NO_RECORDINGS,
      evidenceSummary: NO_RECORDINGS,
      viewingLog: NO_RECORDINGS,
      handover: async () => {
        throw new ApiError(409, 'NOT_AT_COUNTY', '交接班在办案区工作站办理：县局督察平台只读');
      },
      person: async (a, area) => areaPerson(pool, area.station, a.id),
      timeline: async (a, area) => areaTimeline(pool, area.station, a.id),
      alarms: async (a, area) => areaAlarms(pool, area.station, a),
      form: async (a, area): Promise<UsageForm | null> => {
        const person = await areaPerson(pool, area.station, a.id);
        if (!person) return null;
        const o = await overviewOf(area);
        return {
          person, area: o.area, headHash: area.head, printedAt: this.now(), timeZone: area.timeZone,
          rooms: Object.fromEntries([...o.rooms, ...o.removed.rooms].map((r) => [r.id, r.name])),
          officers: Object.fromEntries(o.officers.map((x) => [x.id, x.name])),
        };
      },
      submit: READ_ONLY,
      // The county's own check of this station's record: every event verified as it arrived.
      audit: async (_a, area) => {
        const checkedAt = this.now();
        if (area.verified) return { ok: true, events: area.seq, headHash: area.head, checkedAt };
        const first = (await chainAlarms(pool, { station: area.station, limit: 10_000 })).at(-1);
        return { ok: false, events: area.seq, brokenSeq: first?.seq ?? area.seq, problem: first?.detail ?? '记录校验未通过', checkedAt };
      },
      deskTag: async () => null,
      // No card reader at the county; photos stay in the station's data folder (their hashes are in the replicated details).
      deskIdCard: async () => ({ configured: false, online: false, seq: 0, read: null }),
      registrationPhoto: READ_ONLY,
      personPhoto: async () => ({ photo: null, cardPhoto: null }),
      stats: async (a, area) => {
        try {
          return await areaStats(pool, area.station, a, this.now(), area.timeZone);
        } catch (err) {
          if (err instanceof RangeError) throw new ApiError(400, 'RANGE_TOO_LARGE', `${err.message}（最多 ${MAX_PERIODS} 个周期）`);
          throw err;
        }
      },
      ledger: async (a, area) => areaLedger(pool, area.station, a.from, a.to),
      serverInfo: async () => ({ lan: true, urls: [], fingerprint: null }),
      snapshot: async () => {
        throw new ApiError(409, 'NO_RECORDING', '县局督察平台不提供办案区实时画面');
      },
      backups: async () => [],
      backupNow: READ_ONLY,
      accounts: READ_ONLY,
      saveAccount: READ_ONLY,
    };
  }
}
