// The server side of the API contract: one handler per method, each given the caller's session.
// Role checks happen before a handler runs (see dispatch); handlers check what depends on the
// arguments (which command a role may issue) and log supervisors' reads of personal data.
import type { ApiCheckedArg, ApiMethod, ApiResult } from '../../common/api.js';
import { API_ACCESS, mayCall, mayIssue } from '../../common/api.js';
import { isCommandType } from '../../common/commands.js';
import { reject } from '../../common/rejections.js';
import { NESTING_MAX, nestingBeyond, TEXT_PROBLEMS } from '../../common/textLimits.js';
import type { SessionInfo } from '../../common/views.js';
import type { SignIn } from '../auth/accounts.js';
import { passwordProblem } from '../auth/password.js';
import { isLoopback } from '../server/addresses.js';
import type { StationHost } from '../host/stationHost.js';
import { verifyRecord } from '../core/store/verify.js';
import { API_ARG_SCHEMAS } from '../../common/apiArgs.js';
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
import { deskIdCard, keepCardPhoto, personPhotos } from './queries/idCard.js';
import { imageKindOf } from '../host/photoStore.js';
import { EvidenceError } from '../media/mediaService.js';
import { setupHandlers } from './setup/handlers.js';

export interface CallContext {
  readonly session: SessionInfo | null;
  readonly token: string | undefined;
  /** The client's IP address, or DESK_ADDRESS for the station's own window (IPC). */
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

type Handlers = { [K in ApiMethod]: (arg: ApiCheckedArg<K>, ctx: CallContext) => Promise<ApiResult<K>> };

/** The caller's address when the call comes through the station's own window (Electron IPC). */
export const DESK_ADDRESS = 'desk';

/** The station itself: its own window, or a page on this machine (loopback) — never the LAN. */
export const atStation = (address: string | null): boolean => address === DESK_ADDRESS || isLoopback(address);

/**
 * Reads of personal data that a supervisor's call writes to the access log, with what was read:
 * a person, a search's filters, the whole area, a camera's picture.
 */
const LOGGED_READS: { readonly [K in ApiMethod]?: (arg: ApiCheckedArg<K>) => string | null } = {
  person: (a) => a.id, timeline: (a) => a.id, form: (a) => a.id,
  persons: (a) => JSON.stringify(a), alarms: (a) => JSON.stringify(a), overview: () => null,
  ledger: (a) => `${a.from}-${a.to}`, snapshot: (a) => a.camera, personPhoto: (a) => a.id,
  search: (a) => JSON.stringify(a), handover: () => null,
  sessionRecording: (a) => a.id, personRecordings: (a) => a.id,
};

/**
 * No valid argument nests deeper than this (a command's free objects nest NESTING_MAX levels
 * below at most four of its own). Checked before any schema so that a body nested thousands deep
 * is a 400 naming its field, not a stack overflow further in.
 */
const MAX_ARG_DEPTH = 2 * NESTING_MAX;

/** A path in an argument as a field name: its first two steps (a deep chain below says nothing more). */
const fieldName = (path: readonly (string | number)[]): string => `${path.slice(0, 2).join('.')}${path.length > 2 ? '…' : ''}`;

/** A method's argument checked against its schema; a bad one is a 400 naming the field. */
export function parseApiArg<K extends ApiMethod>(method: K, rawArg: unknown): ApiCheckedArg<K> {
  const deep = nestingBeyond(rawArg, MAX_ARG_DEPTH);
  if (deep) throw new ApiError(400, 'BAD_REQUEST', `请求参数错误：${fieldName(deep)} 嵌套过深（自由字段最多 ${NESTING_MAX} 层）`);
  const parsed = API_ARG_SCHEMAS[method].safeParse(rawArg ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const words = issue?.code === 'custom' ? (TEXT_PROBLEMS as Record<string, { zh: string } | undefined>)[issue.message]?.zh : undefined;
    throw new ApiError(400, 'BAD_REQUEST', `请求参数错误：${issue?.path.join('.') || '(根)'} ${words ?? issue?.message ?? ''}`.trim());
  }
  return parsed.data as ApiCheckedArg<K>;
}

/** What a read of personal data by `method` is logged as (undefined: the method is not such a read). */
export function loggedRead<K extends ApiMethod>(method: K, arg: ApiCheckedArg<K>): string | null | undefined {
  const logged = LOGGED_READS[method] as ((arg: unknown) => string | null) | undefined;
  return logged?.(arg);
}

export class ApiService {
  private readonly handlers: Handlers;

  constructor(private readonly host: StationHost) {
    this.handlers = this.makeHandlers();
  }

  /** Checks sign-in, role and argument, then runs the method. Throws ApiError. */
  async call<K extends ApiMethod>(method: K, rawArg: unknown, ctx: CallContext): Promise<ApiResult<K>> {
    const access = API_ACCESS[method];
    // The first run's set-up needs no account (there is none yet), only someone at the station itself.
    const firstRun = (access === 'setup' || access === 'first-run') && this.host.firstRun && atStation(ctx.address);
    if (access !== 'public' && !firstRun && !ctx.session) throw new ApiError(401, 'NOT_SIGNED_IN', '请先登录');
    if (ctx.session && !firstRun && !mayCall(ctx.session.roles, method)) throw new ApiError(403, 'FORBIDDEN', '当前账户的角色无权执行此操作');
    const arg = parseApiArg(method, rawArg);
    const logged = loggedRead(method, arg);
    if (ctx.session && logged !== undefined && ctx.session.roles.includes('supervisor')) {
      this.host.accounts.logRead(ctx.session.account, method, logged, ctx.address);
    }
    const handler = this.handlers[method] as (arg: unknown, ctx: CallContext) => Promise<ApiResult<K>>;
    return handler(arg, ctx);
  }

  private makeHandlers(): Handlers {
    const host = this.host;
    const db = host.db;
    return {
      ...setupHandlers(host, (status, code, message) => new ApiError(status, code, message), (account, result, ctx) => this.signedIn(account, result, ctx as CallContext)),
      session: async (_a, ctx) => ctx.session,
      setupState: async () => ({ needed: host.accounts.count() === 0, example: host.example, firstRun: !host.station.state.configured }),
      setup: async (a, ctx) => {
        // Whoever creates the first administrator owns the station: only someone at the station itself may.
        if (!atStation(ctx.address)) throw new ApiError(403, 'SETUP_AT_STATION_ONLY', '首个管理员账户只能在工作站本机上创建');
        const alreadySetUp = new ApiError(409, 'ALREADY_SET_UP', '管理员账户已创建');
        if (host.accounts.count() > 0) throw alreadySetUp;
        const problem = passwordProblem(a.password);
        if (problem) return { ok: false, message: problem };
        const result = await host.accounts.createFirstAdmin(a.officerId, a.password, () => {
          if (host.station.state.officers.has(a.officerId)) return { ok: true };
          const r = host.station.submit({ type: 'officer.register', officer: { id: a.officerId, name: a.name, gender: a.gender } }, { actor: 'system' });
          return r.ok ? { ok: true } : { ok: false, message: r.rejection.message };
        });
        if (result === 'already_set_up') throw alreadySetUp;
        return this.signedIn(a.officerId, result, ctx);
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
        const changed = await host.accounts.changePassword(session.account, ctx.token, a.oldPassword, a.newPassword);
        if (!changed.ok) host.accounts.log(session.account, 'password_change_failed', null, ctx.address);
        return changed.ok ? { ok: true, session } : changed;
      },
      // The recorders' own words on each camera (and a missing recorder), beside what the record says.
      overview: async () => ({
        ...overview(db, { now: host.now(), timeZone: host.timeZone, example: host.example, camera: (id) => host.recording?.note(id) ?? null }),
        clockJumps: [...host.station.state.clockJumps],
        ...(host.countyLink ? { county: host.countyLink.view() } : {}),
        deskReader: host.devices.deskReader !== null,
      }),
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
        if (main?.type === 'person.enter') keepCardPhoto(host, main.payload.person.details?.cardPhotoSha256);
        return {
          ok: true, at: result.at, seq: main?.seq ?? null,
          alarms: alarmsByIds(db, raised),
        };
      },
      deskTag: async () => {
        if (host.devices.deskReader === null) throw new ApiError(409, 'NO_DESK_READER', '未配置发卡读卡器：请直接输入腕带编号');
        const seen = host.deskTag;
        return seen && host.now() - seen.at <= 60_000 ? seen : null;
      },
      deskIdCard: async (a) => deskIdCard(host, a.after, a.waitMs ?? 0),
      registrationPhoto: async (a) => {
        let bytes: Buffer;
        if ('camera' in a) {
          if (!host.recording) throw new ApiError(409, 'NO_RECORDING', '本工作站未启动录像');
          try {
            bytes = await host.recording.snapshot(a.camera);
          } catch (err) {
            throw new ApiError(409, 'SNAPSHOT_FAILED', `无法获取 ${a.camera} 的画面：${(err as Error).message}`);
          }
        } else {
          bytes = Buffer.from(a.dataUrl.slice(a.dataUrl.indexOf(',') + 1), 'base64');
        }
        const kind = imageKindOf(bytes);
        if (!kind) throw new ApiError(400, 'NOT_AN_IMAGE', '照片不是 JPEG 或 PNG 图片');
        return { sha256: host.photos.save(bytes, kind), dataUrl: `data:image/${kind};base64,${bytes.toString('base64')}` };
      },
      personPhoto: async (a) => personPhotos(db, host.photos, a.id),
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
      ledger: async (a) => ledger(db, a.from, a.to),
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
      mediaAccess: async (_a, ctx) => host.media.access((ctx.session as SessionInfo).roles),
      recordingPlan: async (a) => host.media.plan(a.room, a.from, a.to),
      sessionRecording: async (a) => host.media.sessionRecording(a.id),
      personRecordings: async (a) => host.media.personRecordings(a.id),
      exportEvidence: async (a, ctx) => {
        const session = ctx.session as SessionInfo;
        try {
          const r = await host.media.exportEvidence(a.sessionId, { via: 'desk', account: session.account, officerId: session.officerId });
          const made = host.media.exportsOf(a.sessionId).find((e) => e.exportId === r.exportId);
          if (!made) throw new ApiError(500, 'INTERNAL', '导出已完成，但记录中找不到它');
          return made;
        } catch (err) {
          if (err instanceof EvidenceError) throw new ApiError(err.code === 'WRITE_FAILED' || err.code === 'NOT_RECORDED' ? 500 : 409, err.code, err.message);
          throw err;
        }
      },
      evidenceSummary: async (a) => {
        try {
          return await host.media.manifest(a.exportId);
        } catch (err) {
          if (err instanceof EvidenceError) throw new ApiError(409, err.code, err.message);
          throw err;
        }
      },
      viewingLog: async (a) => host.media.viewingLog(a.from, a.to, a.limit ?? 1000),
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
        // Refused when it would leave no working administrator (the station could not be administered again).
        const saved = await host.accounts.save(a.account, a.officerId, a.roles, a.password, a.disabled ?? false);
        if (!saved.ok) return saved;
        const now = host.accounts.list().find((x) => x.account === a.account);
        return now ? { ok: true, session: { account: now.account, officerId: now.officerId, name: now.name, roles: now.roles } } : { ok: false, message: '保存失败' };
      },
    };
  }

  private async signIn(account: string, password: string, ctx: CallContext): Promise<ApiResult<'login'>> {
    return this.signedIn(account, await this.host.accounts.signIn(account, password), ctx);
  }

  private signedIn(account: string, result: SignIn, ctx: Pick<CallContext, 'address' | 'setToken'>): ApiResult<'login'> {
    this.host.accounts.log(account, result.ok ? 'login' : 'login_failed', result.ok && result.session.memoryOnly ? 'memory_session' : null, ctx.address);
    if (!result.ok) return { ok: false, message: result.message };
    ctx.setToken(result.token);
    return { ok: true, session: result.session };
  }
}
