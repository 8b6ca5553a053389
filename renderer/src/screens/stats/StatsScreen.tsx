// 统计分析: entries, stays, alarms by rule and by room, unrecorded minutes and time-limit breaches
// per day, week or month over a range of days, as charts and as a table; every bar and every
// number opens the persons or alarms behind it.
import { useMemo, useState } from 'react';
import { T } from '../../../../common/deskText.js';
import type { Stats, StatsPeriod } from '../../../../common/views.js';
import { lastDays, lastMonths, rangeInstants, type DayRange } from '../../format/dayRange.js';
import { useStation } from '../../station/context.js';
import { useNow } from '../../station/now.js';
import { useQuery } from '../../station/useQuery.js';
import { DayRangeFields } from '../../widgets/DayRangeFields.js';
import { EChart } from '../../widgets/EChart.js';
import { Field } from '../../widgets/Field.js';
import { chartOption, roomTotals } from './chartOptions.js';
import { drillFromChart, type ChartKey, type Drill, type DrillContext, type Span } from './drill.js';
import { DrillDialog } from './DrillDialog.js';
import { StatsTables } from './StatsTables.js';

const PERIODS: readonly StatsPeriod[] = ['day', 'week', 'month'];
const CHARTS: readonly ChartKey[] = ['entries', 'stay', 'rules', 'rooms', 'unrecorded', 'breaches'];
const CHART_HEIGHT = 230;

/** A range that suits the period: two weeks of days, twelve weeks, twelve months. */
function defaultRange(period: StatsPeriod, now: number, timeZone: string): DayRange {
  switch (period) {
    case 'day': return lastDays(now, timeZone, 14);
    case 'week': return lastDays(now, timeZone, 12 * 7);
    case 'month': return lastMonths(now, timeZone, 12);
  }
}

function Charts({ stats, whole, onDrill }: { readonly stats: Stats; readonly whole: Span; readonly onDrill: (d: Drill) => void }) {
  const { names } = useStation();
  const options = useMemo(() => CHARTS.map((c) => chartOption(c, stats, (id) => names.room(id))), [stats, names]);
  const ctx: DrillContext = useMemo(() => ({
    period: stats.period, buckets: stats.buckets, whole, rooms: roomTotals(stats).map((r) => ({ id: r.room, name: names.room(r.room) })),
  }), [stats, whole, names]);
  return (
    <div className="chart-grid">
      {CHARTS.map((c, i) => (
        <section key={c} className="panel chart-panel" data-chart={c}>
          <h2>{T.stats.charts[c]}</h2>
          <EChart option={options[i] ?? {}} label={T.stats.charts[c]} height={CHART_HEIGHT} onClick={(click) => {
            const d = drillFromChart(c, click, ctx);
            if (d) onDrill(d);
          }} />
        </section>
      ))}
    </div>
  );
}

export function StatsScreen() {
  const { timeZone, names } = useStation();
  const now = useNow();
  const [period, setPeriod] = useState<StatsPeriod>('day');
  const [range, setRange] = useState<DayRange>(() => defaultRange('day', now, timeZone));
  // The last range that was one: half-typed dates do not throw the charts away.
  const [applied, setApplied] = useState(range);
  const [drill, setDrill] = useState<Drill | null>(null);
  const instants = rangeInstants(applied, timeZone) ?? { from: now - 86_400_000, to: now };
  const { data, error } = useQuery('stats', { period, from: instants.from, to: instants.to });
  const whole: Span = useMemo(() => ({ start: instants.from, end: instants.to, label: T.stats.whole(applied.from, applied.to) }), [instants.from, instants.to, applied]);

  const changeRange = (r: DayRange): void => {
    setRange(r);
    if (rangeInstants(r, timeZone)) setApplied(r);
  };
  const changePeriod = (p: StatsPeriod): void => {
    setPeriod(p);
    changeRange(defaultRange(p, now, timeZone));
  };

  return (
    <div className="stats-screen">
      <div className="screen-head"><h1>{T.stats.title}</h1><span className="muted">{T.stats.chartHint}</span></div>
      <form noValidate className="filters" onSubmit={(e) => e.preventDefault()}>
        <Field label={T.stats.period} name="period">
          {(c) => (
            <select {...c} value={period} onChange={(e) => changePeriod(e.target.value as StatsPeriod)}>
              {PERIODS.map((p) => <option key={p} value={p}>{T.stats.periods[p]}</option>)}
            </select>
          )}
        </Field>
        <DayRangeFields value={range} onChange={changeRange} />
      </form>
      {error && <p className="form-error" role="alert">{error}</p>}
      {data === undefined ? <p>{T.common.loading}</p> : data.buckets.length === 0 ? <p className="muted">{T.stats.empty}</p> : (
        <>
          <Charts stats={data} whole={whole} onDrill={setDrill} />
          <StatsTables stats={data} whole={whole} roomName={(id) => names.room(id)} onDrill={setDrill} />
        </>
      )}
      {drill && <DrillDialog drill={drill} onClose={() => setDrill(null)} />}
    </div>
  );
}
