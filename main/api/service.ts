// The server side of the API contract: one handler per method, each given the caller's session.
// Role checks happen before a handler runs (see dispatch); handlers check what depends on the
// arguments (which command a role may issue) and log supervisors' reads of personal data.
import type { ApiArg, ApiMethod, ApiResult } from '../../common/api.js';
import { API_ACCESS, mayCall, mayIssue } from '../../common/api.js';
import { isCommandType } from '../../common/commands.js';
import { reject } from '../../common/rejections.js';
import type { SessionInfo } from '../../common/views.js';
import { passwordProblem } from '../auth/password.js';
import type { StationHost } from '../host/stationHost.js';
import { verifyRecord } from '../core/store/verify.js';
import { API_ARG_SCHEMAS } from './argSchemas.js';
import { withPeople } from './queries/alarmPeople.js';
import { alarmList, alarmsByIds } from './queries/alarms.js';
import { handover } from './queries/handover.js';
import { ledger } from './queries/ledger.js';
import { search } from './queries/search.js';
import { stats } from './queries/stats.js';
import { listBackups } from '../host/backup.js';
import { usageForm } from './queries/form.js';
import { overview } from './queries/overview.js';
import { personDetail, personSummaries, timeline } from './queries/person.js';

export interface CallContext {
  readonly session: SessionInfo | null;
  readonly token: string | undefined;
  readonly address: string | null;
  /** Sets (or with null clears) the caller's sign-in token. */
  setToken(token: string | null): void;
}

export class ApiError extends Error {
  constructor(readonly status: 400 | 401 | 403 | 404 | 409 | 429 | 500, readonly code: string, message: string) {
    super(message);
    this.name = 'ApiError';
  }
}

type Handlers = { [K in ApiMethod]: (arg: ApiArg<K>, ctx: CallContext) => Promise<ApiResult<K>> };

/** Reads of personal data that are written to the access log. */
const LOGGED_READS: ReadonlySet<ApiMethod> = new Set(['person', 'timeline', 'form']);

export class ApiService {
  private readonly handlers: Handlers;

  constructor(private readonly host: StationHost) {
    this.handlers = this.makeHandlers();
  }

  /** Checks sign-in, role and argument, then runs the method. Throws ApiError. */
  async call<K extends ApiMethod>(method: K, rawArg: unknown, ctx: CallContext): Promise<ApiResult<K>> {
    const access = API_ACCESS[method];
    if (access !== 'public' && !ctx.session) throw new ApiError(401, 'NOT_SIGNED_IN', '请先登录');
    if (ctx.session && !mayCall(ctx.session.roles, method)) throw new ApiError(403, 'FORBIDDEN', '当前账户的角色无权执行此操作');
    const parsed = API_ARG_SCHEMAS[method].safeParse(rawArg ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ApiError(400, 'BAD_REQUEST', `请求参数错误：${issue?.path.join('.') || '(根)'} ${issue?.message ?? ''}`.trim());
    }
    if (ctx.session && LOGGED_READS.has(method) && ctx.session.roles.includes('supervisor')) {
      this.host.accounts.log(ctx.session.account, method, (parsed.data as { id?: string }).id ?? null, ctx.address);
    }
    const handler = this.handlers[method] as (arg: unknown, ctx: CallContext) => Promise<ApiResult<K>>;
    return handler(parsed.data, ctx);
  }

  private makeHandlers(): Handlers {
    const host = this.host;
    const db = host.db;
    return {
      session: async (_a, ctx) => ctx.session,
      setupState: async () => ({ needed: host.accounts.count() === 0, example: host.example }),
      setup: async (a, ctx) => {
        if (host.accounts.count() > 0) throw new ApiError(409, 'ALREADY_SET_UP', '管理员账户已创建');
        const problem = passwordProblem(a.password);
        if (problem) return { ok: false, message: problem };
        if (!host.station.state.officers.has(a.officerId)) {
          const r = host.station.submit({ type: 'officer.register', officer: { id: a.officerId, name: a.name, gender: a.gender } }, { actor: 'system' });
          if (!r.ok) return { ok: false, message: r.rejection.message };
        }
        await host.accounts.save(a.officerId, a.officerId, ['admin', 'desk', 'operator'], a.password, false);
        return this.signIn(a.officerId, a.password, ctx);
      },
      login: async (a, ctx) => this.signIn(a.account, a.password, ctx),
      logout: async (_a, ctx) => {
        host.accounts.signOut(ctx.token);
        ctx.setToken(null);
        return { ok: true };
      },
      changePassword: async (a, ctx) => {
        const session = ctx.session as SessionInfo;
        const problem = passwordProblem(a.newPassword);
        if (problem) return { ok: false, message: problem };
        const changed = await host.accounts.changePassword(session.account, a.oldPassword, a.newPassword);
        return changed ? { ok: true, session } : { ok: false, message: '原密码错误' };
      },
      overview: async () => {
        const view = overview(db, { now: host.now(), timeZone: host.timeZone, example: host.example });
        // The recorder's own words on why a camera is not recording, for the desk's tooltip.
        return {
          ...view, deskReader: host.config.deskReader !== undefined, clockJumps: [...host.station.state.clockJumps],
          rooms: view.rooms.map((r) => ({ ...r, cameras: r.cameras.map((c) => ({ ...c, reason: host.recording?.status(c.id)?.reason ?? null })) })),
        };
      },
      persons: async (a) => personSummaries(db, a),
      person: async (a) => personDetail(db, a.id),
      timeline: async (a) => timeline(db, a.id),
      alarms: async (a) => withPeople(db, alarmList(db, a)),
      form: async (a) => usageForm(db, a.id, host.now(), host.timeZone),
      submit: async (a, ctx) => {
        const session = ctx.session as SessionInfo;
        const type = a.command.type;
        if (!isCommandType(type)) return { ok: false, at: host.now(), rejection: reject('INVALID_FIELD', { en: `unknown command type ${JSON.stringify(type)}`, zh: `未知的命令类型：${type}` }, 'type') };
        if (!mayIssue(session.roles, type)) throw new ApiError(403, 'FORBIDDEN', `当前账户的角色无权执行 ${type}`);
        const result = host.station.submit(a.command, { actor: session.officerId });
        if (!result.ok) return result;
        const raised = result.events.flatMap((e) => (e.type === 'alarm.raised' ? [e.payload.alarmId] : []));
        const main = result.events.find((e) => e.type === type);
        return {
          ok: true, at: result.at, seq: main?.seq ?? null,
          alarms: alarmsByIds(db, raised),
        };
      },
      deskTag: async () => {
        if (host.config.deskReader === undefined) throw new ApiError(409, 'NO_DESK_READER', '未配置发卡读卡器：请直接输入腕带编号');
        const seen = host.deskTag;
        return seen && host.now() - seen.at <= 60_000 ? seen : null;
      },
      search: async (a) => search(db, a),
      handover: async () => handover(db, host.now(), host.timeZone),
      stats: async (a) => {
        try {
          return stats(db, a, host.now(), host.timeZone);
        } catch (err) {
          if (err instanceof RangeError) throw new ApiError(400, 'RANGE_TOO_LARGE', err.message);
          throw err;
        }
      },
      ledger: async (a, ctx) => {
        if (ctx.session?.roles.includes('supervisor')) host.accounts.log(ctx.session.account, 'ledger', `${a.from}-${a.to}`, ctx.address);
        return ledger(db, a.from, a.to);
      },
      serverInfo: async () => host.serverInfo,
      snapshot: async (a) => {
        if (!host.recording) throw new ApiError(409, 'NO_RECORDING', '本工作站未启动录像');
        try {
          const jpeg = await host.recording.snapshot(a.camera);
          return { camera: a.camera, at: host.now(), dataUrl: `data:image/jpeg;base64,${jpeg.toString('base64')}` };
        } catch (err) {
          throw new ApiError(409, 'SNAPSHOT_FAILED', `无法获取 ${a.camera} 的画面：${(err as Error).message}`);
        }
      },
      backups: async () => listBackups(db),
      backupNow: async () => {
        if (!host.config.backup) throw new ApiError(409, 'NO_BACKUP_DIR', '未配置备份目录（配置文件 backup.dir）');
        return host.backupNow(host.config.backup.dir);
      },
      audit: async () => ({ ...verifyRecord(db, host.knownHeads()), checkedAt: host.now() }),
      accounts: async () => host.accounts.list(),
      saveAccount: async (a) => {
        if (!host.station.state.officers.has(a.officerId)) return { ok: false, message: `民警 ${a.officerId} 未登记` };
        if (a.password !== undefined) {
          const problem = passwordProblem(a.password);
          if (problem) return { ok: false, message: problem };
        }
        // Nobody may take away the last working administrator account: the station could not be administered again.
        const admins = host.accounts.list().filter((x) => x.roles.includes('admin') && !x.disabled && x.account !== a.account);
        if (admins.length === 0 && (!a.roles.includes('admin') || a.disabled === true)) {
          return { ok: false, message: '至少须保留一个可用的管理员账户' };
        }
        await host.accounts.save(a.account, a.officerId, a.roles, a.password, a.disabled ?? false);
        const saved = host.accounts.list().find((x) => x.account === a.account);
        return saved ? { ok: true, session: { account: saved.account, officerId: saved.officerId, name: saved.name, roles: saved.roles } } : { ok: false, message: '保存失败' };
      },
    };
  }

  private async signIn(account: string, password: string, ctx: CallContext): Promise<ApiResult<'login'>> {
    const result = await this.host.accounts.signIn(account, password);
    this.host.accounts.log(account, result.ok ? 'login' : 'login_failed', null, ctx.address);
    if (!result.ok) return { ok: false, message: result.message };
    ctx.setToken(result.token);
    return { ok: true, session: result.session };
  }
}
