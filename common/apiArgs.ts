// The argument of every API method as a zod schema: the server checks each call with it before
// anything runs, and the contract's argument types (common/api.ts) are derived from it, so the
// two cannot drift apart. The pages import only the types, never zod.
import { z } from 'zod';
import { ALARM_RULES } from './alarms.js';
import type { CommandInput } from './api.js';
import { ROLES } from './views.js';
import { GENDERS } from './vocab.js';

const none = z.object({}).strict();
const id = z.string().min(1).max(200);
const time = z.number().finite();

/** A command as a page sends it; the core validates it in full (common/commands.ts). */
const commandInput = z.custom<CommandInput>(
  (v) => typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { type?: unknown }).type === 'string',
  'command must be an object with a type',
);

export const API_ARG_SCHEMAS = {
  session: none,
  setupState: none,
  setup: z.object({ officerId: id, name: z.string().trim().min(1), gender: z.enum(GENDERS), password: z.string().max(200) }).strict(),
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
    active: z.boolean().optional(), rule: z.enum(ALARM_RULES).optional(), room: id.optional(), from: time.optional(), to: time.optional(),
    limit: z.number().int().positive().max(10_000).optional(),
  }).strict(),
  form: z.object({ id }).strict(),
  submit: z.object({ command: commandInput }).strict(),
  audit: none,
  deskTag: none,
  stats: z.object({ period: z.enum(['day', 'week', 'month']), from: time, to: time }).strict().refine((a) => a.to > a.from, '结束时间须晚于开始时间'),
  ledger: z.object({ from: time, to: time }).strict().refine((a) => a.to > a.from, '结束时间须晚于开始时间'),
  serverInfo: none,
  snapshot: z.object({ camera: id }).strict(),
  backups: none,
  backupNow: none,
  accounts: none,
  saveAccount: z.object({
    account: id, officerId: id, roles: z.array(z.enum(ROLES)).min(1), password: z.string().max(200).optional(), disabled: z.boolean().optional(),
  }).strict(),
} satisfies Record<string, z.ZodType>;

export type ApiArgSchemas = typeof API_ARG_SCHEMAS;
