// CSV for spreadsheets: UTF-8 with a BOM (so Excel reads Chinese), CRLF, quoted cells, and cells
// that a spreadsheet would run as a formula neutralised.
import { ALARM_LABELS, parseSubject, SEVERITY_LABELS } from '../../common/alarms.js';
import { formatDuration } from '../../common/format.js';
import { formatDateTime, formatDateTimeSeconds } from '../../common/zonedTime.js';
import { BASIS_LABELS, CORRECTION_FIELD_LABELS, DESTINATION_LABELS, GENDER_LABELS, ROLE_LABELS } from '../../common/messages.js';
import type { AlarmView, LedgerRow } from '../../common/views.js';

const at = (ms: number | null | undefined, tz: string): string => (ms === null || ms === undefined ? '' : formatDateTime(ms, tz));
const atSeconds = (ms: number | null | undefined, tz: string): string => (ms === null || ms === undefined ? '' : formatDateTimeSeconds(ms, tz));

/**
 * A cell a spreadsheet might run as a formula: one starting with = + - @, with white space (Excel
 * and LibreOffice skip leading spaces, tabs and line breaks before looking for a formula), or with
 * the full-width and small forms of those signs that an input method types and some spreadsheets
 * read as the ASCII ones. Such a cell gets a leading apostrophe and is shown as text.
 */
const FORMULA_START = /^[\s=+\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE62\uFE63\uFE66\uFE6B]/u;

export function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export function ledgerCsv(rows: readonly LedgerRow[], officers: ReadonlyMap<string, string>, tz: string, now: number): string {
  return toCsv(
    ['序号', '姓名', '性别', '出生日期', '身份证号', '人员类型', '案件编号', '到案方式', '办案民警', '入区时间', '出区时间', '在区时长', '去向', '告警次数', '已更正'],
    rows.map((r) => [
      r.no, r.name, GENDER_LABELS[r.gender], r.birthDate, r.idNumber, ROLE_LABELS[r.role], r.caseNo, r.basis ? BASIS_LABELS[r.basis] : '',
      r.officers.map((o) => officers.get(o) ?? o).join('、'), at(r.enteredAt, tz), at(r.exitedAt, tz),
      formatDuration((r.exitedAt ?? now) - r.enteredAt) + (r.exitedAt === null ? '（在区）' : ''),
      r.destination ? DESTINATION_LABELS[r.destination] : '', r.alarms, r.corrected.map((f) => CORRECTION_FIELD_LABELS[f]).join('、'),
    ]),
  );
}

export interface Names { readonly persons: ReadonlyMap<string, string>; readonly rooms: ReadonlyMap<string, string>; readonly officers: ReadonlyMap<string, string> }

/** An alarm subject in words: the person's or room's name with its id, a device, a wristband. */
export function subjectText(subject: string, names: Names): string {
  const parsed = parseSubject(subject);
  if (!parsed) return subject;
  const named = (map: ReadonlyMap<string, string>): string => (map.has(parsed.id) ? `${map.get(parsed.id) ?? ''}（${parsed.id}）` : parsed.id);
  switch (parsed.kind) {
    case 'person': return named(names.persons);
    case 'room': return named(names.rooms);
    case 'session': return `讯（询）问 ${parsed.id}`;
    case 'device': return parsed.id === 'storage' ? '录像存储' : `设备 ${parsed.id}`;
    case 'tag': return `腕带 ${parsed.id}`;
  }
}

export function alarmsCsv(alarms: readonly AlarmView[], names: Names, tz: string): string {
  return toCsv(
    ['告警编号', '告警类型', '级别', '对象', '房间', '发生时间', '解除时间', '确认时间', '确认人', '确认说明'],
    alarms.map((a) => [
      a.id, ALARM_LABELS[a.rule], SEVERITY_LABELS[a.severity], subjectText(a.subject, names), a.room ? (names.rooms.get(a.room) ?? a.room) : '',
      atSeconds(a.raisedAt, tz), atSeconds(a.resolvedAt, tz), atSeconds(a.ack?.at, tz),
      a.ack ? (names.officers.get(a.ack.by) ?? a.ack.by) : '', a.ack?.note ?? '',
    ]),
  );
}
