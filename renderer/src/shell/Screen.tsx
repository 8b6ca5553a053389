// The screen the route names. Screens an account's roles may not use say so instead of showing
// a page whose every call the station would refuse.
import { lazy, Suspense } from 'react';
import { mayCall } from '../../../common/api.js';
import { T } from '../../../common/deskText.js';
import { SETUP_TEXT } from '../../../common/setupText.js';
import { routeHref, type Route } from '../router/route.js';
import { AccountsScreen } from '../screens/accounts/AccountsScreen.js';
import { AlarmsScreen } from '../screens/alarms/AlarmsScreen.js';
import { AuditScreen } from '../screens/audit/AuditScreen.js';
import { BelongingsScreen } from '../screens/belongings/BelongingsScreen.js';
import { SecurityCheckScreen } from '../screens/check/SecurityCheckScreen.js';
import { CollectionScreen } from '../screens/collect/CollectionScreen.js';
import { DashboardScreen } from '../screens/dashboard/DashboardScreen.js';
import { EntryScreen } from '../screens/entry/EntryScreen.js';
import { ExitScreen } from '../screens/exit/ExitScreen.js';
import { HandoverScreen } from '../screens/handover/HandoverScreen.js';
import { AlarmReportScreen } from '../screens/exports/AlarmReportScreen.js';
import { ExportsScreen } from '../screens/exports/ExportsScreen.js';
import { LedgerScreen } from '../screens/exports/LedgerScreen.js';
import { UsageFormScreen } from '../screens/form/UsageFormScreen.js';
import { OverviewScreen } from '../screens/overview/OverviewScreen.js';
import { PersonScreen } from '../screens/person/PersonScreen.js';
import { PersonsScreen } from '../screens/persons/PersonsScreen.js';
import { ProfileScreen } from '../screens/profile/ProfileScreen.js';
import { RoomScreen } from '../screens/room/RoomScreen.js';
import { EvidenceScreen } from '../screens/evidence/EvidenceScreen.js';
import { PlaybackScreen } from '../screens/playback/PlaybackScreen.js';
import { SessionScreen } from '../screens/session/SessionScreen.js';
import { ViewingLogScreen } from '../screens/viewingLog/ViewingLogScreen.js';
import { VideoWallScreen } from '../screens/wall/VideoWallScreen.js';
import { R } from '../../../common/recordingText.js';
import { AreaSetupScreen } from '../screens/setup/AreaSetupScreen.js';
import { worksDesk } from '../station/access.js';
import { useStation } from '../station/context.js';

// The charts library is loaded only when statistics are opened: the desk starts without it.
const StatsScreen = lazy(() => import('../screens/stats/StatsScreen.js').then((m) => ({ default: m.StatsScreen })));

function NotAllowed({ title }: { readonly title: string }) {
  return (
    <div>
      <div className="screen-head"><h1>{title}</h1></div>
      <p className="note" role="alert">{T.common.forbiddenPage}</p>
    </div>
  );
}

export function Screen({ route }: { readonly route: Route }) {
  const { session } = useStation();
  const roles = session.roles;
  switch (route.name) {
    case 'overview': return worksDesk(roles) ? <OverviewScreen /> : <DashboardScreen />;
    case 'dashboard': return <DashboardScreen />;
    case 'enter': return <EntryScreen />;
    case 'persons': return <PersonsScreen />;
    case 'handover': return <HandoverScreen />;
    case 'alarms': return <AlarmsScreen />;
    case 'stats': return <Suspense fallback={<p>{T.common.loading}</p>}><StatsScreen /></Suspense>;
    case 'exports': return <ExportsScreen key={`${route.from ?? ''}/${route.to ?? ''}`} from={route.from} to={route.to} />;
    case 'ledger': return <LedgerScreen from={route.from} to={route.to} />;
    case 'alarmReport': return <AlarmReportScreen from={route.from} to={route.to} />;
    case 'audit': return mayCall(roles, 'audit') ? <AuditScreen /> : <NotAllowed title={T.audit.title} />;
    case 'accounts': return mayCall(roles, 'accounts') ? <AccountsScreen /> : <NotAllowed title={T.accounts.title} />;
    case 'setup': return mayCall(roles, 'saveArea') ? <AreaSetupScreen /> : <NotAllowed title={SETUP_TEXT.title} />;
    case 'profile': return <ProfileScreen />;
    case 'room': return <RoomScreen key={route.id} id={route.id} />;
    case 'wall': return <VideoWallScreen />;
    case 'viewingLog': return mayCall(roles, 'viewingLog') ? <ViewingLogScreen /> : <NotAllowed title={R.viewingLog.title} />;
    case 'session': return <SessionScreen key={route.id} id={route.id} />;
    case 'playback': return <PlaybackScreen key={routeHref(route)} room={route.room} from={route.from} to={route.to} person={route.person} />;
    case 'evidence': return mayCall(roles, 'evidenceSummary') ? <EvidenceScreen key={route.id} id={route.id} /> : <NotAllowed title={R.summary.title} />;
    case 'person': return <PersonScreen key={route.id} id={route.id} />;
    case 'check': return <SecurityCheckScreen key={route.id} id={route.id} />;
    case 'belongings': return <BelongingsScreen key={route.id} id={route.id} />;
    case 'collect': return <CollectionScreen key={route.id} id={route.id} />;
    case 'exit': return <ExitScreen key={route.id} id={route.id} />;
    case 'form': return <UsageFormScreen key={route.id} id={route.id} />;
    case 'notFound':
      return <p role="alert">{T.common.notFound} · <a href={routeHref({ name: 'overview' })}>{T.shell.nav.overview}</a></p>;
  }
}
