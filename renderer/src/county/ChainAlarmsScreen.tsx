// 记录核验告警: what the county found wrong with stations' records as they arrived. Kept for good.
import { CHAIN_ALARM_LABELS, COUNTY_TEXT as C } from '../../../common/countyText.js';
import { formatDateTime } from '../../../common/zonedTime.js';
import type { CountyPageProps } from './CountyHome.js';
import { useCountyQuery } from './useCountyQuery.js';

export function ChainAlarmsScreen({ bridge, revision, onSignedOut, timeZone }: CountyPageProps) {
  const { data, error } = useCountyQuery(bridge, 'chainAlarms', {}, revision, onSignedOut);
  const cols = C.chain.columns;
  return (
    <div>
      <div className="screen-head"><h1>{C.chain.title}</h1></div>
      {error && <p className="form-error" role="alert">{error}</p>}
      {data && data.length === 0 && <p className="note">{C.chain.none}</p>}
      {data && data.length > 0 && (
        <table className="data county-table">
          <thead><tr><th>{cols.at}</th><th>{cols.area}</th><th>{cols.kind}</th><th>{cols.seq}</th><th>{cols.detail}</th></tr></thead>
          <tbody>{data.map((a) => (
            <tr key={a.id} className="row-alarm"><td>{formatDateTime(a.at, timeZone)}</td><td>{a.station}</td><td className="bad-text">{CHAIN_ALARM_LABELS[a.kind]}</td>
              <td className="num">{a.seq}</td><td>{a.detail}</td></tr>
          ))}</tbody>
        </table>
      )}
    </div>
  );
}
