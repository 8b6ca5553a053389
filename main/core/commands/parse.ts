// Turns untrusted input into a typed command, or a rejection that names the field at fault.
import type { z } from 'zod';
import { commandSchemas, isCommandType, type Command, type CommandOf } from '../../../common/commands.js';
import { CORRECTABLE_FIELDS } from '../../../common/vocab.js';
import { CORRECTION_FIELD_LABELS } from '../../../common/messages.js';
import { reject, type StationRejection } from '../../../common/rejections.js';
import { TEXT_PROBLEMS } from '../../../common/textLimits.js';

/** Refinements name their problem with a key; these are its words (zh for the desk, en for the record). */
const CUSTOM: Record<string, { zh: string; en: string }> = {
  ...TEXT_PROBLEMS,
  date: { zh: '不是有效的日期（应为 YYYY-MM-DD）', en: 'is not a calendar date (YYYY-MM-DD)' },
  instant: { zh: '不是带时区的 ISO-8601 时间', en: 'is not an ISO-8601 time with offset' },
  unknown_setting: { zh: '不是可配置的设置项', en: 'is not a setting' },
};

const CORRECTABLE_LIST = CORRECTABLE_FIELDS.map((f) => CORRECTION_FIELD_LABELS[f]).join('、');

/** Problems of a whole command rather than of one field: said in full. */
const WHOLE: Record<string, { zh: string; en: (type: string) => string }> = {
  no_fields: { zh: '未填写要更正的字段', en: (type) => `${type} names no fields` },
  no_area_lists: { zh: '须至少给出房间、读卡器、摄像机清单之一', en: (type) => `${type} names none of rooms, readers, cameras` },
};

function describe(issue: z.core.$ZodIssue, input: unknown): { zh: string; en: string } {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return { zh: '必须为正整数', en: 'is not a whole number' };
      return input === undefined
        ? { zh: '缺少该字段', en: 'is missing' }
        : { zh: `类型错误（应为 ${issue.expected}）`, en: `is not of type ${issue.expected}` };
    case 'invalid_value': {
      const values = issue.values.map(String);
      return { zh: `取值无效：${JSON.stringify(input)}（可选：${values.join('、')}）`, en: `has value ${JSON.stringify(input)} outside its vocabulary (${values.join(', ')})` };
    }
    case 'too_small':
      if (issue.origin === 'array') return { zh: '不能为空列表', en: 'is an empty list' };
      if (issue.origin === 'string') return { zh: '不能为空', en: 'is empty' };
      return { zh: '必须为正数', en: 'is not positive' };
    case 'too_big':
      return { zh: '超出允许范围', en: 'is too big' };
    case 'custom':
      return CUSTOM[issue.message] ?? { zh: issue.message, en: issue.message };
    case 'unrecognized_keys':
      return { zh: '不是可接受的字段', en: 'is not accepted' };
    case 'invalid_format':
      return { zh: '格式不正确', en: 'is malformed' };
    case 'not_multiple_of':
      return { zh: '必须为整数', en: 'is not a whole number' };
    default:
      return { zh: issue.message, en: issue.message };
  }
}

/** The rejection of the first problem zod found in a command of `type`. */
function rejectionOf(type: string, issue: z.core.$ZodIssue, raw: unknown): StationRejection {
  const whole = issue.code === 'custom' ? WHOLE[issue.message] : undefined;
  const key = issue.code === 'unrecognized_keys' ? (issue.keys[0] ?? '') : null;
  const path = key === null ? issue.path : [...issue.path, key];
  const field = path.map(String).join('.');
  if (whole) return reject('INVALID_FIELD', { zh: whole.zh, en: whole.en(type) }, field || undefined);
  if (key !== null && issue.message === 'not_correctable') {
    return reject('INVALID_FIELD', { zh: `${key} 不是可更正的字段（可更正：${CORRECTABLE_LIST}）`, en: `field ${key} cannot be corrected` }, field);
  }
  const what = describe(issue, valueAt(raw, path));
  return reject('INVALID_FIELD', { zh: `字段 ${field || '(根)'} ${what.zh}`, en: `field ${field || '(root)'} ${what.en}` }, field);
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
 * a well-formed one (its fields; the caller has checked the type) is checked by hand; anything else goes through the schema, which gives the
 * same result and names the problem. tests/core/parseFastPath.test.ts holds them equal.
 */
export function tagReadCommand(raw: Readonly<Record<string, unknown>>): CommandOf<'tag.read'> | null {
  const { reader, tag, rssi, antenna } = raw;
  if (!isId(reader) || !isId(tag) || !isOptNumber(rssi)) return null;
  if (!(antenna === undefined || antenna === null || (typeof antenna === 'number' && Number.isInteger(antenna) && antenna >= 0))) return null;
  // The rssi, on nearly every read, in the literal: a field added to an object after it is made
  // goes to a separate store allocated for it.
  const command: CommandOf<'tag.read'> = typeof rssi === 'number' ? { type: 'tag.read', reader, tag, rssi } : { type: 'tag.read', reader, tag };
  if (typeof antenna === 'number') command.antenna = antenna;
  return command;
}

/** The whole body of a command: `type` plus its fields. Unknown extra fields are dropped. */
export function parseCommand(raw: unknown): { ok: true; command: Command } | { ok: false; rejection: StationRejection } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, rejection: reject('INVALID_FIELD', { zh: '命令必须是 JSON 对象', en: 'the command is not a JSON object' }) };
  }
  const type = (raw as { type?: unknown }).type;
  if (!isCommandType(type)) {
    return { ok: false, rejection: reject('INVALID_FIELD', { zh: `未知的命令类型：${JSON.stringify(type)}`, en: `unknown command type ${JSON.stringify(type)}` }, 'type') };
  }
  if (type === 'tag.read') {
    const fast = tagReadCommand(raw as Record<string, unknown>);
    if (fast) return { ok: true, command: fast };
  }
  const result = commandSchemas[type].safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    if (!issue) return { ok: false, rejection: reject('INVALID_FIELD', { zh: '命令格式不正确', en: 'the command is malformed' }) };
    return { ok: false, rejection: rejectionOf(type, issue, raw) };
  }
  return { ok: true, command: { type, ...result.data } as Command };
}
