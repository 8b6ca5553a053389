// 观看记录 (administrators): who watched which room live and who played back which recording,
// when and from where — over a range of days, newest first.
import { useState } from 'react';
import { R } from '../../../../common/recordingText.js';
import { formatDateTimeSeconds } from '../../../../common/zonedTime.js';
import { lastDays, rangeInstants, type DayRange } from '../../format/dayRange.js';
import { routeHref } from '../../router/route.js';
import { useStation } from '../../station/context.js';
import { useNow } from '../../station/now.js';
import { useQuery } from '../../station/useQuery.js';
import { DayRangeFields } from '../../widgets/DayRangeFields.js';

export function ViewingLogScreen() {
  const { timeZone } = useStation();
  const now = useNow();
  const [days, setDays] = useState<DayRange>(() => lastDays(now, timeZone, 7));
  const span = rangeInstants(days, timeZone);
  const { data, error } = useQuery('viewingLog', span ?? { from: 0, to: 1 });
  const t = (ms: number | null): string => (ms === null ? '' : formatDateTimeSeconds(ms, timeZone));
  return (
    <div className="viewing-log">
      <div className="screen-head"><h1>{R.viewingLog.title}</h1><span className="muted">{R.viewingLog.intro}</span></div>
      <div className="inline-form"><DayRangeFields value={days} onChange={setDays} /></div>
      {error && <p className="form-error" role="alert">{error}</p>}
      {data === undefined ? <p>{R.playback.loading}</p> : data.length === 0 ? <p className="muted">{R.viewingLog.empty}</p> : (
        <table className="data">
          <thead>
            <tr>
              <th>{R.viewingLog.watched}</th><th>{R.viewingLog.account}</th><th>{R.viewingLog.kind}</th><th>{R.viewingLog.room}</th>
              <th>{R.viewingLog.camera}</th><th>{R.viewingLog.target}</th><th>{R.viewingLog.span}</th><th>{R.viewingLog.address}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((v) => (
              <tr key={v.id} data-viewing={v.kind}>
                <td>{t(v.startedAt)} – {v.endedAt === null ? R.viewingLog.stillOpen : t(v.endedAt)}</td>
                <td>{v.name ? `${v.name}（${v.account}）` : v.account}</td>
                <td>{R.viewingLog.kinds[v.kind]}</td>
                <td>{v.roomName ?? v.room ?? ''}</td>
                <td className="mono">{v.camera}</td>
                <td>
                  {v.session && <a href={routeHref({ name: 'session', id: v.session })}>{v.session}</a>}
                  {v.person && <a href={routeHref({ name: 'person', id: v.person })}>{v.personName ?? v.person}</a>}
                </td>
                <td>{v.kind === 'playback' && v.mediaFrom !== null ? `${t(v.mediaFrom)} – ${t(v.mediaTo ?? v.mediaFrom)}` : ''}</td>
                <td className="mono">{v.address ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
