// A fake station for component tests: answers each API method from a table the test controls,
// records every call, and pushes change notices on demand. (The only place a fake is right: the
// end-to-end suite runs the real station.)
import type { ApiArg, ApiMethod, ApiResult, StationBridge } from '../../common/api.js';
import type { AlarmView, ChangeNotice, ItemView, Overview, PersonDetail, PersonSummary, SessionInfo } from '../../common/views.js';
import { DEFAULT_SETTINGS } from '../../common/settings.js';

type Handler<K extends ApiMethod> = (arg: ApiArg<K>) => ApiResult<K> | Promise<ApiResult<K>>;
type Handlers = { [K in ApiMethod]?: Handler<K> };

export const NOW = Date.UTC(2026, 2, 2, 2, 0, 0); // 2026-03-02 10:00 in Asia/Shanghai

export const SESSION: SessionInfo = { account: 'E100', officerId: 'E100', name: '管理员', roles: ['admin', 'desk', 'operator'] };

/** A read-only account: the supervisors' dashboard, statistics, exports and the audit check. */
export const SUPERVISOR: SessionInfo = { account: 'E200', officerId: 'E200', name: '孙立平', roles: ['supervisor'] };

export function overviewFixture(patch: Partial<Overview> = {}): Overview {
  return {
    now: NOW, timeZone: 'Asia/Shanghai', example: false, area: { id: 'A1', name: '测试办案区' }, settings: DEFAULT_SETTINGS,
    rooms: [
      { id: 'W1', name: '候问室一', kind: 'waiting', capacity: 2, recordingRequired: false, guardRequired: false, persons: [], officers: [], recording: 'no_camera', cameras: [], readers: [], sessions: [] },
    ],
    readers: [], removed: { rooms: [], devices: [] },
    persons: [],
    officers: [
      { id: 'E001', name: '王建国', gender: 'male', tag: null, whereabouts: { kind: 'unknown' } },
      { id: 'E002', name: '李秀英', gender: 'female', tag: null, whereabouts: { kind: 'unknown' } },
    ],
    alarms: [],
    awaitingAck: [],
    record: { events: 10, headHash: 'ab'.repeat(32) },
    ...patch,
  };
}

export function personFixture(patch: Partial<PersonSummary> = {}): PersonSummary {
  return {
    id: 'P1', name: '张三', gender: 'male', role: 'suspect', minor: false, birthDate: '1990-03-07', caseNo: null, basis: 'criminal_summons', tag: null,
    enteredAt: NOW - 3_600_000, limitHours: 12, deadlineAt: NOW + 11 * 3_600_000, whereabouts: { kind: 'room', room: 'W1' }, status: 'in',
    securityChecked: false, activeSession: null, lastMealAt: null, tempExit: null, exitedAt: null, destination: null, activeAlarms: 1, ...patch,
  };
}

export function itemFixture(patch: Partial<ItemView> = {}): ItemView {
  return { id: 'P1-1', name: '手机', quantity: 1, features: null, caseRelated: false, locker: '12', storedAt: NOW - 3_000_000, disposition: null, disposedAt: null, note: null, ...patch };
}

export function detailFixture(patch: Partial<PersonDetail> = {}, summary: Partial<PersonSummary> = {}): PersonDetail {
  return {
    summary: personFixture(summary), idNumber: null, officers: ['E001', 'E002'], details: {}, enteredBy: 'E100', checks: [], items: [], collections: [],
    sessions: [], care: [], movements: [], tempExits: [], extensions: [], exit: null, alarms: [], corrections: [], corrected: [], ...patch,
  };
}

export function alarmFixture(patch: Partial<AlarmView> = {}): AlarmView {
  return { id: 'AL000001', rule: 'missing_security_check', subject: 'person:P1', severity: 'critical', raisedAt: NOW - 60_000, resolvedAt: null, ack: null, room: 'W1', ...patch };
}

export class FakeBridge implements StationBridge {
  readonly calls: { method: ApiMethod; arg: unknown }[] = [];
  private readonly listeners = new Set<(n: ChangeNotice) => void>();
  private handlers: Handlers;

  constructor(handlers: Handlers = {}) {
    this.handlers = {
      overview: () => overviewFixture(),
      persons: () => [],
      alarms: () => [],
      deskTag: () => null,
      deskIdCard: () => ({ configured: false, online: false, seq: 0, read: null }),
      submit: () => ({ ok: true, at: NOW, seq: 11, alarms: [] }),
      ...handlers,
    };
  }

  on<K extends ApiMethod>(method: K, handler: Handler<K>): void {
    (this.handlers as Record<ApiMethod, unknown>)[method] = handler;
  }

  async invoke<K extends ApiMethod>(method: K, arg: ApiArg<K>): Promise<ApiResult<K>> {
    this.calls.push({ method, arg });
    const handler = this.handlers[method] as Handler<K> | undefined;
    if (!handler) throw new Error(`fake station: no answer for ${method}`);
    return handler(arg);
  }

  subscribe(onChange: (notice: ChangeNotice) => void, onConnection?: (connected: boolean) => void): () => void {
    this.listeners.add(onChange);
    onConnection?.(true);
    return () => this.listeners.delete(onChange);
  }

  /** Pushes a change notice to the page, as the station's live channel would. */
  emit(notice: ChangeNotice): void {
    for (const l of this.listeners) l(notice);
  }

  commands(): unknown[] {
    return this.calls.filter((c) => c.method === 'submit').map((c) => (c.arg as { command: unknown }).command);
  }
}
