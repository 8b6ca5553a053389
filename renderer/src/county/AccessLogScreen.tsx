// 查阅记录: who read which personal data at the county, newest first (administrators only).
import { COUNTY_TEXT as C } from '../../../common/countyText.js';
import { formatDateTime } from '../../../common/zonedTime.js';
import type { CountyPageProps } from './CountyHome.js';
import { useCountyQuery } from './useCountyQuery.js';

export function AccessLogScreen({ bridge, revision, onSignedOut, timeZone }: CountyPageProps) {
  const { data, error } = useCountyQuery(bridge, 'accessLog', { limit: 500 }, revision, onSignedOut);
  const cols = C.log.columns;
  return (
    <div>
      <div className="screen-head"><h1>{C.log.title}</h1></div>
      {error && <p className="form-error" role="alert">{error}</p>}
      {data && (
        <table className="data county-table">
          <thead><tr><th>{cols.at}</th><th>{cols.account}</th><th>{cols.action}</th><th>{cols.area}</th><th>{cols.target}</th><th>{cols.address}</th></tr></thead>
          <tbody>{data.map((e, i) => (
            <tr key={`${e.at}-${i}`}><td>{formatDateTime(e.at, timeZone)}</td><td>{e.account}</td><td>{e.action}</td><td>{e.station ?? ''}</td>
              <td className="wrap-text">{e.target ?? ''}</td><td>{e.address ?? ''}</td></tr>
          ))}</tbody>
        </table>
      )}
    </div>
  );
}
