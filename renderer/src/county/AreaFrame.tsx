// One area at the county: the station's own screens (督察看板, persons, a person's timeline,
// alarms, statistics, the county's check of its record), reading that area from the county
// through the station's API contract. Every county account is a supervisor here: read-only.
import { useMemo, type ReactNode } from 'react';
import { areaBase } from '../../../common/countyApi.js';
import { COUNTY_TEXT as C } from '../../../common/countyText.js';
import { T } from '../../../common/deskText.js';
import type { SessionInfo } from '../../../common/views.js';
import { httpBridge } from '../../api/httpBridge.js';
import { routeHref, type Route } from '../router/route.js';
import { useRoute } from '../router/useRoute.js';
import { Screen } from '../shell/Screen.js';
import { useStation } from '../station/context.js';
import { NowProvider } from '../station/now.js';
import { StationProvider } from '../station/StationProvider.js';

/** The station's screens a county supervisor uses; the rest (desk work, exports, accounts) are not here. */
const AREA_PAGES: readonly Route['name'][] = ['overview', 'dashboard', 'persons', 'person', 'form', 'alarms', 'stats', 'audit', 'room'];
const NAV: readonly [Route, string][] = [
  [{ name: 'dashboard' }, T.shell.nav.dashboard], [{ name: 'persons' }, T.shell.nav.persons], [{ name: 'alarms' }, T.shell.nav.alarms],
  [{ name: 'stats' }, T.shell.nav.stats], [{ name: 'audit' }, T.shell.nav.audit],
];

function Frame({ station, signOut }: { readonly station: string; readonly signOut: () => void }): ReactNode {
  const route = useRoute();
  const { overview, connected, skewMs, session, loadError } = useStation();
  const current = route.name === 'overview' ? 'dashboard' : route.name === 'person' || route.name === 'form' ? 'persons' : route.name;
  return (
    <NowProvider skewMs={skewMs}>
      <header className="app-header county-header no-print">
        <div className="brand">
          <a className="app-name county-home" href="/county/">{C.appName}</a>
          <span className="area-name" title={overview?.area?.name ?? station}>{overview?.area?.name ?? station}</span>
        </div>
        <nav aria-label={T.shell.navLabel}>
          <a href="/county/">{C.nav.back}</a>
          {NAV.map(([r, label]) => <a key={r.name} href={routeHref(r)} aria-current={r.name === current ? 'page' : undefined}>{label}</a>)}
        </nav>
        <div className="header-side">
          <span className="muted-on-dark">{C.area.readOnly}</span>
          <span role="img" className={`live ${connected === false ? 'live-down' : 'live-up'}`} aria-label={connected === false ? C.offline : C.live} />
          <span className="user">{session.name}</span>
          <button type="button" className="small" onClick={signOut}>{C.signOut}</button>
        </div>
      </header>
      {connected === false && <p className="offline-banner no-print" role="status">{C.offline}</p>}
      {loadError && <p className="form-error no-print" role="alert">{loadError}</p>}
      <main id="main" tabIndex={-1}>
        {AREA_PAGES.includes(route.name) ? <Screen route={route.name === 'overview' ? { name: 'dashboard' } : route} /> : <p role="alert">{T.common.notFound}</p>}
      </main>
    </NowProvider>
  );
}

export function AreaFrame({ station, session, onSignedOut, signOut }: { readonly station: string; readonly session: SessionInfo; readonly onSignedOut: () => void; readonly signOut: () => void }) {
  const bridge = useMemo(() => httpBridge(areaBase(station)), [station]);
  const asSupervisor = useMemo((): SessionInfo => ({ ...session, roles: ['supervisor'] }), [session]);
  return (
    <StationProvider bridge={bridge} session={asSupervisor} onSignedOut={onSignedOut}>
      <Frame station={station} signOut={signOut} />
    </StationProvider>
  );
}
