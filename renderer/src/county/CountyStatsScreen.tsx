// 各办案区统计: the figures of every area over a range of days, each row leading to that area's own
// statistics (its persons and alarms behind every figure).
import { useState } from 'react';
import { areaBase } from '../../../common/countyApi.js';
import { COUNTY_TEXT as C } from '../../../common/countyText.js';
import { DayRangeFields } from '../widgets/DayRangeFields.js';
import { lastDays, rangeInstants } from '../format/dayRange.js';
import type { CountyPageProps } from './CountyHome.js';
import { useCountyQuery } from './useCountyQuery.js';

export function CountyStatsScreen({ bridge, revision, onSignedOut, timeZone }: CountyPageProps) {
  const [range, setRange] = useState(() => lastDays(Date.now(), timeZone, 30));
  const bounds = rangeInstants(range, timeZone);
  const { data, error } = useCountyQuery(bridge, 'countyStats', bounds ?? { from: 0, to: 1 }, revision, onSignedOut);
  const cols = C.stats.columns;
  const rows = data?.rows ?? [];
  const sum = (f: (r: (typeof rows)[number]) => number): number => rows.reduce((n, r) => n + f(r), 0);
  return (
    <div className="county-stats">
      <div className="screen-head"><h1>{C.stats.title}</h1></div>
      <div className="filters"><DayRangeFields value={range} onChange={setRange} /></div>
      {error && <p className="form-error" role="alert">{error}</p>}
      {data && (
        <table className="data county-table">
          <thead><tr><th>{cols.area}</th><th>{cols.entries}</th><th>{cols.exits}</th><th>{cols.stay}</th><th>{cols.alarms}</th><th>{cols.critical}</th><th>{cols.breaches}</th><th>{cols.unrecorded}</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.station} data-station={r.station}>
                <td><a href={`${areaBase(r.station)}/#/stats`} title={C.stats.drill}>{r.areaName ?? r.station}</a></td>
                <td className="num">{r.entries}</td><td className="num">{r.exits}</td><td className="num">{r.averageStayMinutes ?? '—'}</td>
                <td className="num">{r.alarms}</td><td className={`num${r.criticalAlarms > 0 ? ' bad-text' : ''}`}>{r.criticalAlarms}</td>
                <td className={`num${r.timeLimitBreaches > 0 ? ' bad-text' : ''}`}>{r.timeLimitBreaches}</td><td className="num">{r.unrecordedMinutes}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr><th>{C.stats.total}</th><td className="num">{sum((r) => r.entries)}</td><td className="num">{sum((r) => r.exits)}</td><td />
              <td className="num">{sum((r) => r.alarms)}</td><td className="num">{sum((r) => r.criticalAlarms)}</td><td className="num">{sum((r) => r.timeLimitBreaches)}</td>
              <td className="num">{Math.round(sum((r) => r.unrecordedMinutes) * 10) / 10}</td></tr>
          </tfoot>
        </table>
      )}
    </div>
  );
}
