// 《涉案人员进出办案区登记台账》 for a range of days, ready for A4 landscape, with its CSV.
import { T } from '../../../../common/deskText.js';
import { rangeInstants, type DayRange } from '../../format/dayRange.js';
import { useStation } from '../../station/context.js';
import { useQuery } from '../../station/useQuery.js';
import { CsvLink } from './CsvLink.js';
import { LedgerTable } from './LedgerTable.js';
import { ReportSheet } from './ReportSheet.js';

export function LedgerScreen({ from, to }: DayRange) {
  const { timeZone, names, overview } = useStation();
  const range = { from, to };
  // The route only holds ordered calendar dates, so the range always is one.
  const span = rangeInstants(range, timeZone) ?? { from: 0, to: 1 };
  const { data, error } = useQuery('ledger', span);
  return (
    <ReportSheet title={T.ledger.title} range={range} rangeText={T.ledger.range(from, to)} count={data ? T.ledger.count(data.length) : null}
      csv={<CsvLink name="ledger.csv" from={span.from} to={span.to} />} className="ledger-sheet">
      {error && <p className="form-error" role="alert">{error}</p>}
      {data === undefined ? <p>{T.common.loading}</p> : data.length === 0 ? <p className="muted">{T.ledger.none}</p>
        : <LedgerTable rows={data} names={names} timeZone={timeZone} now={overview?.now ?? span.to} />}
    </ReportSheet>
  );
}
