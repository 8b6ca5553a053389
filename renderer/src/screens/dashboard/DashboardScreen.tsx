// 督察看板: the area live for a supervisor — figures on top, the rooms with their occupants,
// recording and devices, the active alarms and everyone's legal countdown. Read-only: nothing
// here issues a command; it follows the record through the station's change notices.
import { useMemo } from 'react';
import { T } from '../../../../common/deskText.js';
import { useStation } from '../../station/context.js';
import { useNow } from '../../station/now.js';
import { AlarmLine } from '../../widgets/AlarmLine.js';
import { RoomGrid } from '../overview/RoomGrid.js';
import { DeadlinePanel } from './DeadlinePanel.js';
import { DevicesPanel } from './DevicesPanel.js';
import { dashboardFigures } from './figures.js';
import { LiveState } from './LiveState.js';
import { SummaryFigures } from './SummaryFigures.js';

export function DashboardScreen() {
  const { overview, alarms, awaitingAck, names, timeZone, connected } = useStation();
  const now = useNow();
  // Figures move with the clock only through deadlines; a minute's resolution is enough for them.
  const minute = Math.floor(now / 60_000);
  const figures = useMemo(() => (overview ? dashboardFigures(overview, alarms, minute * 60_000) : null), [overview, alarms, minute]);
  if (!overview || !figures) return <p>{T.common.loading}</p>;
  const warn = overview.settings.timeLimitWarnMinutes;

  return (
    <div className="dashboard">
      <div className="screen-head">
        <h1>{T.dashboard.title}</h1>
        <LiveState connected={connected} dataAt={overview.now} timeZone={timeZone} />
        <span className="muted">{T.dashboard.readOnly}</span>
      </div>
      <SummaryFigures figures={figures} />
      <div className="dashboard-columns">
        <RoomGrid rooms={overview.rooms} persons={overview.persons} alarms={alarms} names={names} warnMinutes={warn} timeZone={timeZone} className="dashboard-rooms" />
        <div>
          <section className="panel dashboard-alarms" aria-label={T.dashboard.alarms}>
            <h2>{T.dashboard.alarms}</h2>
            {alarms.length + awaitingAck.length === 0 ? <p className="muted">{T.dashboard.noAlarms}</p>
              : <ul className="alarm-lines">{[...alarms, ...awaitingAck].map((a) => <AlarmLine key={a.id} alarm={a} />)}</ul>}
          </section>
          <DeadlinePanel persons={overview.persons} names={names} warnMinutes={warn} timeZone={timeZone} />
        </div>
      </div>
      <DevicesPanel rooms={overview.rooms} persons={overview.persons} timeZone={timeZone} />
      <p className="record-line muted">{T.overview.headHash(overview.record.headHash.slice(0, 16))} · {T.overview.stats.events} {overview.record.events}</p>
    </div>
  );
}
