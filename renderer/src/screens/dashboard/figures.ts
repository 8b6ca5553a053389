// The summary figures at the top of the supervisors' dashboard, computed from the live overview
// and the active alarms (which include what change notices reported since the last overview).
import type { AlarmView, Overview } from '../../../../common/views.js';
import { countdownTone } from '../../format/countdown.js';
import { recordingDue } from '../../format/recordingDue.js';

export interface DashboardFigures {
  readonly inArea: number;
  readonly sessions: number;
  readonly tempExit: number;
  readonly critical: number;
  readonly warning: number;
  /** Persons inside the warning window of their legal deadline, or past it. */
  readonly deadlines: number;
  /** Rooms that must be recorded now and are not. */
  readonly unrecorded: number;
  readonly devicesOffline: number;
}

export function dashboardFigures(overview: Overview, alarms: readonly AlarmView[], now: number): DashboardFigures {
  const warn = overview.settings.timeLimitWarnMinutes;
  const inRoom = (room: string) => overview.persons.filter((p) => p.whereabouts.kind === 'room' && p.whereabouts.room === room);
  const devices = overview.rooms.flatMap((r) => [...r.cameras, ...r.readers]);
  const critical = alarms.filter((a) => a.severity === 'critical').length;
  return {
    inArea: overview.persons.length,
    sessions: overview.rooms.reduce((n, r) => n + r.sessions.length, 0),
    tempExit: overview.persons.filter((p) => p.status === 'temp_exit').length,
    critical,
    warning: alarms.length - critical,
    deadlines: overview.persons.filter((p) => ['warn', 'over'].includes(countdownTone(p.deadlineAt, now, warn))).length,
    unrecorded: overview.rooms.filter((r) => recordingDue(r, inRoom(r.id)) && r.recording !== 'recorded').length,
    devicesOffline: devices.filter((d) => d.online === false).length,
  };
}
