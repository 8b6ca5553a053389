// Turns untrusted input into a typed command, or a rejection that names the field at fault.
import type { z } from 'zod';
import { commandSchemas, isCommandType, type Command } from '../../../common/commands.js';
import { reject, type Rejection } from '../../../common/rejections.js';

const CUSTOM_MESSAGES: Record<string, string> = {
  empty: '不能为空',
  date: '不是有效的日期（应为 YYYY-MM-DD）',
  instant: '不是带时区的 ISO-8601 时间',
  unknown_setting: '不是可配置的设置项',
};

function describe(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return input === undefined ? '缺少该字段' : `类型错误（应为 ${issue.expected}）`;
    case 'invalid_value':
      return `取值无效：${JSON.stringify(input)}（可选：${issue.values.map(String).join('、')}）`;
    case 'too_small':
      if (issue.origin === 'array') return '不能为空列表';
      if (issue.origin === 'string') return '不能为空';
      return '必须为正数';
    case 'too_big':
      return '超出允许范围';
    case 'custom':
      return CUSTOM_MESSAGES[issue.message] ?? issue.message;
    case 'invalid_format':
      return '格式不正确';
    case 'not_multiple_of':
      return '必须为整数';
    default:
      return issue.message;
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isOptNumber = (v: unknown): v is number | null | undefined => v === undefined || v === null || (typeof v === 'number' && Number.isFinite(v));

/**
 * Tag reads are nearly all of the traffic (readers repeat every tag many times a second), so
 * a well-formed one is checked by hand; anything else goes through the schema, which gives the
 * same result and names the problem. tests/core/parseFastPath.test.ts holds them equal.
 */
function fastTagRead(raw: Record<string, unknown>): Command | null {
  const { reader, tag, rssi, antenna } = raw;
  if (!isId(reader) || !isId(tag) || !isOptNumber(rssi)) return null;
  if (!(antenna === undefined || antenna === null || (typeof antenna === 'number' && Number.isInteger(antenna) && antenna >= 0))) return null;
  const command: Command = { type: 'tag.read', reader, tag };
  if (typeof rssi === 'number') command.rssi = rssi;
  if (typeof antenna === 'number') command.antenna = antenna;
  return command;
}

/** The whole body of a command: `type` plus its fields. Unknown extra fields are dropped. */
export function parseCommand(raw: unknown): { ok: true; command: Command } | { ok: false; rejection: Rejection } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, rejection: reject('INVALID_FIELD', '命令必须是 JSON 对象') };
  }
  const type = (raw as { type?: unknown }).type;
  if (!isCommandType(type)) {
    return { ok: false, rejection: reject('INVALID_FIELD', `未知的命令类型：${JSON.stringify(type)}`, 'type') };
  }
  if (type === 'tag.read') {
    const fast = fastTagRead(raw as Record<string, unknown>);
    if (fast) return { ok: true, command: fast };
  }
  const result = commandSchemas[type].safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    if (!issue) return { ok: false, rejection: reject('INVALID_FIELD', '命令格式不正确') };
    const isIntIssue = issue.code === 'invalid_type' && issue.expected === 'int';
    const field = issue.path.map(String).join('.');
    const what = isIntIssue ? '必须为正整数' : describe(issue, valueAt(raw, issue.path));
    return { ok: false, rejection: reject('INVALID_FIELD', `字段 ${field || '(根)'} ${what}`, field) };
  }
  return { ok: true, command: { type, ...result.data } as Command };
}
