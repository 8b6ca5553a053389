// 总览: the area as room tiles, with the persons whose place is not known or who are out on a
// temporary exit listed under them.
import { T } from '../../../../common/deskText.js';
import { formatDateTime } from '../../../../common/zonedTime.js';
import { useStation } from '../../station/context.js';
import { PersonBadges } from '../../widgets/PersonBadges.js';
import { PersonList } from './PersonList.js';
import { RoomGrid } from './RoomGrid.js';

export function OverviewScreen() {
  const { overview, alarms, names, timeZone } = useStation();
  const persons = overview?.persons;
  if (!overview || !persons) return <p>{T.common.loading}</p>;

  const warn = overview.settings.timeLimitWarnMinutes;
  const unknown = persons.filter((p) => p.status === 'in' && p.whereabouts.kind !== 'room');
  const outside = persons.filter((p) => p.status === 'temp_exit');
  const sessions = overview.rooms.reduce((n, r) => n + r.sessions.length, 0);
  const critical = alarms.filter((a) => a.severity === 'critical').length;

  return (
    <div className="overview">
      <div className="screen-head">
        <h1>{T.overview.title}</h1>
        <dl className="stats">
          <div><dt>{T.overview.stats.inArea}</dt><dd data-stat="in-area">{persons.length}</dd></div>
          <div><dt>{T.overview.stats.tempExit}</dt><dd>{outside.length}</dd></div>
          <div><dt>{T.overview.stats.sessions}</dt><dd>{sessions}</dd></div>
          <div className={critical ? 'fault' : ''}><dt>{T.overview.stats.critical}</dt><dd>{critical}</dd></div>
        </dl>
      </div>
      {persons.length === 0 && <p className="muted">{T.overview.noPersons}</p>}
      <RoomGrid rooms={overview.rooms} persons={persons} alarms={alarms} names={names} warnMinutes={warn} timeZone={timeZone} />
      {(unknown.length > 0 || outside.length > 0) && (
        <div className="side-lists">
          <PersonList title={T.overview.unknownPlace} persons={unknown} warnMinutes={warn} timeZone={timeZone} about={(p) => <PersonBadges person={p} />} />
          <PersonList title={T.overview.outside} persons={outside} warnMinutes={warn} timeZone={timeZone}
            about={(p) => p.tempExit && <span className="muted">{T.overview.expectedBack(formatDateTime(p.tempExit.expectedReturnAt, timeZone))}</span>} />
        </div>
      )}
      <p className="record-line muted">{T.overview.headHash(overview.record.headHash.slice(0, 16))} · {T.overview.stats.events} {overview.record.events}</p>
    </div>
  );
}
