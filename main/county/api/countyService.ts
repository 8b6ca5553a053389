// The county platform's own methods (common/countyApi.ts): sign-in, the list of areas, statistics
// across areas, the county's chain alarms, the access log.
import { COUNTY_ACCESS, COUNTY_ARG_SCHEMAS, type CountyCheckedArg, type CountyMethod, type CountyResults } from '../../../common/countyApi.js';
import type { SessionInfo } from '../../../common/views.js';
import { ApiError } from '../../api/service.js';
import type { CountyAccounts } from '../store/accounts.js';
import type { Pool } from '../store/pool.js';
import { accessLog, areaRows, chainAlarms, countyStats } from '../store/reads.js';
import { countyArea } from './areas.js';

export interface CountyCall {
  readonly session: SessionInfo | null;
  readonly token: string | undefined;
  readonly address: string | null;
  setToken(token: string | null): void;
}

type Handlers = { [K in CountyMethod]: (arg: CountyCheckedArg<K>, call: CountyCall) => Promise<CountyResults[K]> };

export class CountyService {
  private readonly handlers: Handlers;

  constructor(private readonly pool: Pool, readonly accounts: CountyAccounts, private readonly now: () => number, private readonly timeZone: string) {
    this.handlers = this.makeHandlers();
  }

  async call<K extends CountyMethod>(method: K, rawArg: unknown, call: CountyCall): Promise<CountyResults[K]> {
    const access = COUNTY_ACCESS[method];
    if (access !== 'public' && !call.session) throw new ApiError(401, 'NOT_SIGNED_IN', '请先登录');
    if (access === 'admin' && !call.session?.roles.includes('admin')) throw new ApiError(403, 'FORBIDDEN', '当前账户的角色无权执行此操作');
    const parsed = COUNTY_ARG_SCHEMAS[method].safeParse(rawArg ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ApiError(400, 'BAD_REQUEST', `请求参数错误：${issue?.path.join('.') || '(根)'} ${issue?.message ?? ''}`.trim());
    }
    const handler = this.handlers[method] as (arg: unknown, call: CountyCall) => Promise<CountyResults[K]>;
    return handler(parsed.data, call);
  }

  private makeHandlers(): Handlers {
    const pool = this.pool;
    return {
      session: async (_a, call) => call.session,
      login: async (a, call) => {
        const r = await this.accounts.signIn(a.account, a.password);
        await this.accounts.log(a.account, r.ok ? 'login' : 'login_failed', null, null, call.address);
        if (!r.ok) return r;
        call.setToken(r.token);
        return { ok: true, session: r.session };
      },
      logout: async (_a, call) => {
        await this.accounts.signOut(call.token);
        call.setToken(null);
        return { ok: true };
      },
      now: async () => ({ now: this.now(), timeZone: this.timeZone }),
      areas: async () => {
        const now = this.now();
        return (await areaRows(pool)).map((r) => countyArea(r, now));
      },
      countyStats: async (a) => ({ from: a.from, to: a.to, rows: await countyStats(pool, a.from, a.to, this.now()) }),
      chainAlarms: async (a) => chainAlarms(pool, a),
      accessLog: async (a) => accessLog(pool, a.limit ?? 500),
    };
  }
}
