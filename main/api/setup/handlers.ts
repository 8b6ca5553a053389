// The API handlers of 办案区设置 and of the first run, over the running station. Device tests need
// the devices started (the headless station and the desk app always start them).
import type { ApiCheckedArg, ApiResult } from '../../../common/api.js';
import type { SetupApiResults } from '../../../common/setupApi.js';
import { areaOfDraft } from '../../../common/setupFile.js';
import { SETUP_TEXT } from '../../../common/setupText.js';
import type { SessionInfo } from '../../../common/views.js';
import type { SignIn } from '../../auth/accounts.js';
import { passwordProblem } from '../../auth/password.js';
import { zoneOffsetMinutes } from '../../../common/dates.js';
import { DeviceTestError, type DeviceTests } from '../../host/deviceTests.js';
import type { StationHost } from '../../host/stationHost.js';
import { currentDraft } from './current.js';
import { SetupService } from './setupService.js';

type SetupMethod = keyof SetupApiResults;

/** What a handler may throw for the page: the API's error (status, code, the person's words). */
export type Fail = (status: 400 | 403 | 409, code: string, message: string) => Error;

export interface SetupHandlerContext {
  readonly session: SessionInfo | null;
  readonly address: string | null;
  setToken(token: string | null): void;
}

type SetupHandlers = { [K in SetupMethod]: (arg: ApiCheckedArg<K>, ctx: SetupHandlerContext) => Promise<ApiResult<K>> };

/** The set-up service over the host: commands through the core, connections through the host's settings file. */
export function setupService(host: StationHost): SetupService {
  return new SetupService({
    state: () => host.station.state,
    submit: (command, actor) => host.station.submit(command, { actor }),
    moment: () => {
      const at = host.now();
      return { at, offsetMinutes: zoneOffsetMinutes(at, host.timeZone) };
    },
    devices: { file: host.settingsFile ?? '', load: () => host.devices, save: (d) => host.storeDevices(d) },
    apply: () => host.reconcileDevices(),
    recordedCameras: () => new Set(host.recording?.recorded().keys() ?? []),
    passed: (rtsp, user, pass) => host.deviceTests?.hasPassed(rtsp, user, pass) ?? false,
    example: host.example,
    log: host.log,
  });
}

export function setupHandlers(
  host: StationHost, fail: Fail,
  signedIn: (account: string, result: SignIn, ctx: SetupHandlerContext) => ApiResult<'login'>,
): SetupHandlers {
  const tests = (): DeviceTests => {
    if (!host.deviceTests) throw fail(409, 'DEVICES_NOT_STARTED', '本工作站未启动设备，不能测试');
    return host.deviceTests;
  };
  /** A device test's failure as the page's error; anything else is the station's own fault. */
  const run = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (err) {
      if (err instanceof DeviceTestError) throw fail(409, err.code, err.message);
      throw err;
    }
  };
  /** A camera's password: the one typed, else the one kept for the camera named. */
  const passOf = (a: { pass?: string | undefined; camera?: string | undefined }): string | null => (
    a.pass !== undefined && a.pass !== '' ? a.pass : a.camera !== undefined ? host.devices.cameras[a.camera]?.pass ?? null : null
  );
  const actor = (ctx: SetupHandlerContext): string => ctx.session?.officerId ?? 'system';
  return {
    areaSetup: async () => setupService(host).view(),
    previewArea: async (a) => setupService(host).preview(a.draft),
    saveArea: async (a, ctx) => {
      if (!host.station.state.configured) throw fail(409, 'NOT_CONFIGURED', '办案区尚未配置：请先完成首次设置');
      return setupService(host).save(a.draft, actor(ctx));
    },
    firstRunArea: async (a, ctx) => {
      const problem = passwordProblem(a.admin.password);
      if (problem) return { ok: false, problem: { field: 'admin.password', message: problem } };
      if (!a.draft.officers.some((o) => o.id === a.admin.officerId)) {
        return { ok: false, problem: { field: 'admin.officerId', message: SETUP_TEXT.problems.required } };
      }
      const saved = await setupService(host).save(a.draft, a.admin.officerId);
      if (!saved.ok) return saved;
      const result = await host.accounts.createFirstAdmin(a.admin.officerId, a.admin.password, () => ({ ok: true }));
      if (result === 'already_set_up') throw fail(409, 'ALREADY_SET_UP', '管理员账户已创建');
      const session = signedIn(a.admin.officerId, result, ctx);
      return session.ok ? { ok: true, session: session.session } : { ok: false, problem: { field: 'admin.password', message: session.message } };
    },
    openRecord: async (a) => {
      const reopen = host.reopen;
      if (!reopen) throw fail(409, 'CANNOT_REOPEN', '本工作站不能切换记录');
      if (a.example === host.example) return { ok: true };
      // Answered first: the station restarts on the other record right after.
      setTimeout(() => reopen(a.example), 50);
      return { ok: true };
    },
    serialPorts: async () => run(() => tests().serialPorts()),
    readTestStart: async (a) => run(async () => tests().startReadTest(a.connection)),
    idCardTestStart: async (a) => run(async () => tests().startIdCardTest(a.connection)),
    readTestView: async (a) => run(async () => tests().readTest(a.id)),
    readTestStop: async (a) => {
      await run(() => tests().stopReadTest(a.id));
      return { ok: true };
    },
    discoverCameras: async () => run(() => tests().discover()),
    probeCamera: async (a) => run(() => tests().probe(a.onvif, a.user, passOf(a))),
    testCamera: async (a) => run(() => tests().testCamera(a.rtsp, a.user, passOf(a))),
    exportSetup: async (a) => {
      const draft = currentDraft(host.station.state, host.devices);
      const passwords = a.secrets ? Object.fromEntries(Object.entries(host.devices.cameras).map(([id, c]) => [id, c.pass])) : {};
      // The desk's readers as kept now, not as the station started with them (one removed on the page is not exported).
      const { area: _area, deskReader: _startedDesk, idCardReader: _startedCards, ...station } = host.config;
      const file = {
        ...station, area: areaOfDraft(draft, passwords), ...(draft.deskReader ? { deskReader: draft.deskReader } : {}),
        ...(draft.idCardReader ? { idCardReader: draft.idCardReader } : {}),
      };
      host.log(`area set-up exported${a.secrets ? ' WITH camera passwords' : ''}`);
      const day = new Date(host.now()).toISOString().slice(0, 10);
      return { fileName: `办案区设置-${draft.area.id || 'area'}-${day}.json`, text: `${JSON.stringify(file, null, 2)}\n` };
    },
  };
}
