// The argument of every API method as a zod schema: the server checks each call with it before
// anything runs, and the contract's argument types (common/api.ts) are derived from it, so the
// two cannot drift apart. The pages import only the types, never zod.
import { z } from 'zod';
import { ALARM_RULES } from './alarms.js';
import type { CommandInput } from './api.js';
import { SETUP_ARG_SCHEMAS } from './setupApi.js';
import { nameSchema } from './textLimits.js';
import { ROLES } from './views.js';
import { GENDERS } from './vocab.js';

const none = z.object({}).strict();
const id = z.string().min(1).max(200);
/** The latest instant a JavaScript date can hold (±8.64e15 ms): beyond it no date can be printed. */
const LAST_INSTANT = 8.64e15;
/** An instant in UTC ms that can be a date in the record (none is before 1970). */
const time = z.number({ error: '应为 UTC 毫秒数' }).finite('应为 UTC 毫秒数').min(0, '不能早于 1970 年').max(LAST_INSTANT, '超出可表示的时间');
/** The longest span of the ledger and the exports: a year's 台账 (a leap year's 366 days). */
export const MAX_RANGE_DAYS = 366;

/** [from, to): ordered, and (for the ledger and exports) at most `maxDays` long. */
function checkRange(maxDays: number | null) {
  return (a: { from: number; to: number }, ctx: z.RefinementCtx): void => {
    if (a.to <= a.from) ctx.addIssue({ code: 'custom', path: ['to'], message: '结束时间须晚于开始时间' });
    else if (maxDays !== null && a.to - a.from > maxDays * 86_400_000) ctx.addIssue({ code: 'custom', path: ['to'], message: `范围不能超过 ${maxDays} 天` });
  };
}

export const exportRange = z.object({ from: time, to: time }).strict().superRefine(checkRange(MAX_RANGE_DAYS));

/** A command as a page sends it; the core validates it in full (common/commands.ts). */
const commandInput = z.custom<CommandInput>(
  (v) => typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { type?: unknown }).type === 'string',
  'command must be an object with a type',
);

export const API_ARG_SCHEMAS = {
  ...SETUP_ARG_SCHEMAS,
  session: none,
  setupState: none,
  setup: z.object({ officerId: id, name: nameSchema, gender: z.enum(GENDERS), password: z.string().max(200) }).strict(),
  login: z.object({ account: id, password: z.string().max(200) }).strict(),
  logout: none,
  changePassword: z.object({ oldPassword: z.string().max(200), newPassword: z.string().max(200) }).strict(),
  overview: none,
  /** `from`/`to` bound the entry time; `exitedFrom`/`exitedTo` the exit time (the persons behind a stay figure). */
  persons: z.object({
    status: z.enum(['in', 'exited', 'all']).optional(), text: z.string().max(100).optional(), from: time.optional(), to: time.optional(),
    exitedFrom: time.optional(), exitedTo: time.optional(), limit: z.number().int().positive().max(10_000).optional(),
  }).strict(),
  person: z.object({ id }).strict(),
  timeline: z.object({ id }).strict(),
  alarms: z.object({
    active: z.boolean().optional(), acked: z.boolean().optional(), rule: z.enum(ALARM_RULES).optional(), room: id.optional(), from: time.optional(), to: time.optional(),
    limit: z.number().int().positive().max(10_000).optional(),
  }).strict(),
  form: z.object({ id }).strict(),
  submit: z.object({ command: commandInput }).strict(),
  audit: none,
  deskTag: none,
  /** 登记照片: a snapshot of a camera (the registration room's), or an image taken in the desk window (a data: URL). */
  registrationPhoto: z.union([
    z.object({ camera: id }).strict(),
    z.object({ dataUrl: z.string().max(900_000, '照片过大').regex(/^data:image\/(jpeg|png);base64,[A-Za-z0-9+/]+=*$/, '应为 JPEG 或 PNG 图片') }).strict(),
  ]),
  personPhoto: z.object({ id }).strict(),
  /** The card placed on the desk's ID-card reader after card number `after`, waiting up to `waitMs` for one. */
  deskIdCard: z.object({ after: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), waitMs: z.number().int().min(0).max(10_000).optional() }).strict(),
  search: z.object({ text: z.string().max(100), limit: z.number().int().positive().max(100).optional() }).strict(),
  handover: none,
  stats: z.object({ period: z.enum(['day', 'week', 'month']), from: time, to: time }).strict().superRefine(checkRange(null)),
  ledger: exportRange,
  serverInfo: none,
  snapshot: z.object({ camera: id }).strict(),
  backups: none,
  backupNow: none,
  accounts: none,
  mediaAccess: none,
  recordingPlan: z.object({ room: id, from: time, to: time }).strict().superRefine(checkRange(7)),
  sessionRecording: z.object({ id }).strict(),
  personRecordings: z.object({ id }).strict(),
  exportEvidence: z.object({ sessionId: id }).strict(),
  evidenceSummary: z.object({ exportId: id }).strict(),
  viewingLog: z.object({ from: time, to: time, limit: z.number().int().positive().max(10_000).optional() }).strict().superRefine(checkRange(MAX_RANGE_DAYS)),
  saveAccount: z.object({
    account: id, officerId: id, roles: z.array(z.enum(ROLES)).min(1), password: z.string().max(200).optional(), disabled: z.boolean().optional(),
  }).strict(),
} satisfies Record<string, z.ZodType>;

export type ApiArgSchemas = typeof API_ARG_SCHEMAS;
