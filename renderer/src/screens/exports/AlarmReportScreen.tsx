// 告警报表: every alarm raised in a range of days with how it ended, printable, with its CSV.
import { T } from '../../../../common/deskText.js';
import { rangeInstants, type DayRange } from '../../format/dayRange.js';
import { useStation } from '../../station/context.js';
import { useQuery } from '../../station/useQuery.js';
import { usePastNames } from '../../station/usePastNames.js';
import { AlarmHistoryTable } from '../../widgets/AlarmHistoryTable.js';
import { CsvLink } from './CsvLink.js';
import { ReportSheet } from './ReportSheet.js';

/** As many as the CSV holds: the report is the whole range, not a first page. */
const REPORT_LIMIT = 10_000;

export function AlarmReportScreen({ from, to }: DayRange) {
  const { timeZone } = useStation();
  const range = { from, to };
  const span = rangeInstants(range, timeZone) ?? { from: 0, to: 1 };
  const { data, error } = useQuery('alarms', { from: span.from, to: span.to, limit: REPORT_LIMIT });
  const names = usePastNames(span.from, span.to);
  return (
    <ReportSheet title={T.alarmReport.title} range={range} rangeText={T.alarmReport.range(from, to)} count={data ? T.alarmReport.count(data.length) : null}
      csv={<CsvLink name="alarms.csv" from={span.from} to={span.to} />} className="alarm-report-sheet">
      {error && <p className="form-error" role="alert">{error}</p>}
      {data === undefined ? <p>{T.common.loading}</p> : data.length === 0 ? <p className="muted">{T.alarmReport.none}</p>
        : <AlarmHistoryTable alarms={data} names={names} timeZone={timeZone} className="report-table" />}
    </ReportSheet>
  );
}
