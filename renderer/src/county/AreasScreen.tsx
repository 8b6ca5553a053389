// 全部办案区: every area live — its link, persons present, questioning under way, whether the
// rooms that must be recorded are, its critical alarms, and the county's check of its record.
import { ALARM_LABELS } from '../../../common/alarms.js';
import { areaBase, type CountyArea } from '../../../common/countyApi.js';
import { COUNTY_TEXT as C, linkText } from '../../../common/countyText.js';
import { formatDateTime } from '../../../common/zonedTime.js';
import type { CountyPageProps } from './CountyHome.js';
import { useCountyQuery } from './useCountyQuery.js';

function Recording({ area }: { readonly area: CountyArea }) {
  if (area.recording.length === 0) return <span className="muted">{C.areas.recordingNone}</span>;
  if (area.unrecordedRooms === 0) return <span className="ok-text">{C.areas.recordingOk}</span>;
  const names = area.recording.filter((r) => r.state !== 'recorded').map((r) => r.name).join('、');
  return <span className="bad-text" title={names}>{C.areas.unrecorded(area.unrecordedRooms)}</span>;
}

function AreaRow({ area }: { readonly area: CountyArea }) {
  const href = `${areaBase(area.station)}/`;
  const name = area.area?.name ?? area.station;
  return (
    <tr data-station={area.station} className={area.criticalAlarms.length > 0 || !area.verified ? 'row-alarm' : undefined}>
      <td><a href={href}>{name}</a><div className="muted small-text">{area.station}</div></td>
      <td><span className={`county-link county-link-${area.link.state}`} data-link={area.link.state}>{linkText(area.link)}</span></td>
      <td className="num" data-figure="persons">{area.personsIn}</td>
      <td className="num" data-figure="sessions">{area.sessionsActive}</td>
      <td><Recording area={area} /></td>
      <td data-figure="critical">
        {area.criticalAlarms.length === 0 ? <span className="muted">{C.areas.noCritical}</span>
          : <ul className="plain-list">{area.criticalAlarms.map((a) => <li key={a.id} className="bad-text">{ALARM_LABELS[a.rule]}</li>)}</ul>}
      </td>
      <td>
        <span className={area.verified ? 'ok-text' : 'bad-text'}>{area.verified ? C.areas.verified : C.areas.unverified}</span>
        <div className="muted small-text">{C.areas.events(area.seq)}</div>
        {area.projectionError && <div className="bad-text small-text">{C.areas.projection(area.projectionError)}</div>}
      </td>
      <td className="small-text">{area.lastSeenAt === null ? C.areas.never : formatDateTime(area.lastSeenAt, area.timeZone)}</td>
    </tr>
  );
}

export function AreasScreen({ bridge, revision, onSignedOut }: CountyPageProps) {
  const { data, error } = useCountyQuery(bridge, 'areas', {}, revision, onSignedOut);
  const cols = C.areas.columns;
  return (
    <div className="county-areas">
      <div className="screen-head">
        <h1>{C.areas.title}</h1>
        {data && <span className="muted">{C.areas.totals(data.length, data.reduce((n, a) => n + a.personsIn, 0), data.reduce((n, a) => n + a.criticalAlarms.length, 0))}</span>}
      </div>
      {error && <p className="form-error" role="alert">{error}</p>}
      {data && data.length === 0 && <p className="note">{C.areas.none}</p>}
      {data && data.length > 0 && (
        <table className="data county-table">
          <thead><tr><th>{cols.area}</th><th>{cols.link}</th><th>{cols.persons}</th><th>{cols.sessions}</th><th>{cols.recording}</th><th>{cols.critical}</th><th>{cols.record}</th><th>{cols.seen}</th></tr></thead>
          <tbody>{data.map((a) => <AreaRow key={a.station} area={a} />)}</tbody>
        </table>
      )}
    </div>
  );
}
