// CSV for spreadsheets: UTF-8 with a BOM (so Excel reads Chinese), CRLF, quoted cells, and cells
// that a spreadsheet would run as a formula neutralised.
import { ALARM_LABELS, SEVERITY_LABELS } from '../../common/alarms.js';
import { formatDuration, formatLocal } from '../../common/format.js';
import { BASIS_LABELS, DESTINATION_LABELS, GENDER_LABELS, ROLE_LABELS } from '../../common/messages.js';
import type { AlarmView, LedgerRow } from '../../common/views.js';

export function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export function ledgerCsv(rows: readonly LedgerRow[], officers: ReadonlyMap<string, string>, tz: string, now: number): string {
  return toCsv(
    ['序号', '姓名', '性别', '出生日期', '身份证号', '人员类型', '案件编号', '到案方式', '办案民警', '入区时间', '出区时间', '在区时长', '去向', '告警次数'],
    rows.map((r) => [
      r.no, r.name, GENDER_LABELS[r.gender], r.birthDate, r.idNumber, ROLE_LABELS[r.role], r.caseNo, r.basis ? BASIS_LABELS[r.basis] : '',
      r.officers.map((o) => officers.get(o) ?? o).join('、'), formatLocal(r.enteredAt, tz), formatLocal(r.exitedAt, tz),
      formatDuration((r.exitedAt ?? now) - r.enteredAt) + (r.exitedAt === null ? '（在区）' : ''),
      r.destination ? DESTINATION_LABELS[r.destination] : '', r.alarms,
    ]),
  );
}

export function alarmsCsv(alarms: readonly AlarmView[], rooms: ReadonlyMap<string, string>, tz: string): string {
  return toCsv(
    ['告警编号', '告警类型', '级别', '对象', '房间', '发生时间', '解除时间', '确认时间', '确认人', '确认说明'],
    alarms.map((a) => [
      a.id, ALARM_LABELS[a.rule], SEVERITY_LABELS[a.severity], a.subject, a.room ? (rooms.get(a.room) ?? a.room) : '',
      formatLocal(a.raisedAt, tz, true), formatLocal(a.resolvedAt, tz, true), formatLocal(a.ack?.at, tz, true), a.ack?.by ?? '', a.ack?.note ?? '',
    ]),
  );
}
