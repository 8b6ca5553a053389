// CSV for spreadsheets: UTF-8 with a BOM (so Excel reads Chinese), CRLF, quoted cells, and cells
// that a spreadsheet would run as a formula neutralised.
import { ALARM_LABELS, SEVERITY_LABELS } from '../../common/alarms.js';
import { formatDuration } from '../../common/format.js';
import { formatDate, formatDateTime, formatDateTimeSeconds } from '../../common/zonedTime.js';
import { BASIS_LABELS, CORRECTION_FIELD_LABELS, DESTINATION_LABELS, GENDER_LABELS, ROLE_LABELS } from '../../common/messages.js';
import type { AlarmView, LedgerRow } from '../../common/views.js';
import { subjectText } from '../../common/subjectText.js';
import type { RecordNames } from './queries/names.js';

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

export function ledgerCsv(rows: readonly LedgerRow[], names: Pick<RecordNames, 'officer'>, tz: string, now: number): string {
  return toCsv(
    ['序号', '姓名', '性别', '出生日期', '身份证号', '人员类型', '案件编号', '到案方式', '办案民警', '入区时间', '出区时间', '在区时长', '去向', '告警次数', '已更正'],
    rows.map((r) => [
      r.no, r.name, GENDER_LABELS[r.gender], r.birthDate, r.idNumber, ROLE_LABELS[r.role], r.caseNo, r.basis ? BASIS_LABELS[r.basis] : '',
      r.officers.map((o) => names.officer(o) ?? o).join('、'), at(r.enteredAt, tz), at(r.exitedAt, tz),
      formatDuration((r.exitedAt ?? now) - r.enteredAt) + (r.exitedAt === null ? '（在区）' : ''),
      r.destination ? DESTINATION_LABELS[r.destination] : '', r.alarms, r.corrected.map((f) => CORRECTION_FIELD_LABELS[f]).join('、'),
    ]),
  );
}

export function alarmsCsv(alarms: readonly AlarmView[], names: RecordNames, tz: string): string {
  return toCsv(
    ['告警编号', '告警类型', '级别', '对象', '房间', '发生时间', '解除时间', '确认时间', '确认人', '确认说明'],
    alarms.map((a) => [
      a.id, ALARM_LABELS[a.rule], SEVERITY_LABELS[a.severity], subjectText(a.subject, names), a.room ? (names.room(a.room) ?? a.room) : '',
      atSeconds(a.raisedAt, tz), atSeconds(a.resolvedAt, tz), atSeconds(a.ack?.at, tz),
      a.ack ? (names.officer(a.ack.by) ?? a.ack.by) : '', a.ack?.note ?? '',
    ]),
  );
}

/** ledger-2026-03-02.csv: the station's local date of the export's first day (a Shanghai morning is not yesterday in UTC). */
export function exportFileName(name: string, from: number, tz: string): string {
  return `${name.replace(/\.csv$/, '')}-${formatDate(from, tz)}.csv`;
}
