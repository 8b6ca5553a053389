// 导出: the range of days, then each export with its printable page and its CSV download;
// the per-person form is a link away.
import { useState } from 'react';
import { T } from '../../../../common/deskText.js';
import { lastDays, rangeInstants, type DayRange } from '../../format/dayRange.js';
import { routeHref } from '../../router/route.js';
import { useStation } from '../../station/context.js';
import { useNow } from '../../station/now.js';
import { DayRangeFields } from '../../widgets/DayRangeFields.js';
import { CsvLink } from './CsvLink.js';

const DEFAULT_DAYS = 7;

interface Props { readonly from?: string | undefined; readonly to?: string | undefined }

export function ExportsScreen({ from, to }: Props) {
  const { timeZone } = useStation();
  const now = useNow();
  const [range, setRange] = useState<DayRange>(() => (from && to ? { from, to } : lastDays(now, timeZone, DEFAULT_DAYS)));
  const span = rangeInstants(range, timeZone);

  const section = (title: string, intro: string, open: string, report: 'ledger' | 'alarmReport', csv: 'ledger.csv' | 'alarms.csv') => (
    <section className="panel export-section" data-export={report}>
      <h2>{title}</h2>
      <p className="muted">{intro}</p>
      {span && (
        <div className="actions">
          <a className="button primary" href={routeHref({ name: report, ...range })}>{open}</a>
          <CsvLink name={csv} from={span.from} to={span.to} />
        </div>
      )}
    </section>
  );

  return (
    <div className="exports-screen">
      <div className="screen-head"><h1>{T.exports.title}</h1></div>
      <form noValidate className="filters" aria-label={T.exports.range} onSubmit={(e) => e.preventDefault()}>
        <DayRangeFields value={range} onChange={setRange} />
      </form>
      <p className="field-hint">{T.exports.csvHint}</p>
      <div className="export-sections">
        {section(`《${T.ledger.title}》`, T.exports.ledgerIntro, T.exports.openLedger, 'ledger', 'ledger.csv')}
        {section(T.alarmReport.title, T.exports.alarmsIntro, T.exports.openAlarms, 'alarmReport', 'alarms.csv')}
        <section className="panel export-section">
          <h2>《{T.exports.formTitle}》</h2>
          <p className="muted">{T.exports.formIntro}</p>
          <div className="actions"><a className="button" href={routeHref({ name: 'persons' })}>{T.exports.toPersons}</a></div>
        </section>
      </div>
    </div>
  );
}
