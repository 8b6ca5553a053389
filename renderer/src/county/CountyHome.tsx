// The county's own pages: a header with their navigation, and the page the address names.
import { useEffect, useState } from 'react';
import type { CountyBridge } from '../../../common/countyApi.js';
import { COUNTY_TEXT as C } from '../../../common/countyText.js';
import type { SessionInfo } from '../../../common/views.js';
import { AccessLogScreen } from './AccessLogScreen.js';
import { AreasScreen } from './AreasScreen.js';
import { ChainAlarmsScreen } from './ChainAlarmsScreen.js';
import { CountyStatsScreen } from './CountyStatsScreen.js';
import { useCountyQuery, useCountyRevision } from './useCountyQuery.js';

/** Until the county says its zone (one read after sign-in): the zone of the whole country's stations. */
const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

type Page = 'areas' | 'stats' | 'chain' | 'log';
const PAGES: Readonly<Record<string, Page>> = { '': 'areas', stats: 'stats', chain: 'chain', log: 'log' };
const pageOf = (hash: string): Page => PAGES[hash.replace(/^#\/?/, '')] ?? 'areas';

export interface CountyPageProps {
  readonly bridge: CountyBridge;
  readonly revision: number;
  readonly onSignedOut: () => void;
  /** The zone the county's pages show days and times in (`npm run county -- --time-zone`). */
  readonly timeZone: string;
}

export function CountyHome({ bridge, session, onSignedOut, signOut }: { readonly bridge: CountyBridge; readonly session: SessionInfo; readonly onSignedOut: () => void; readonly signOut: () => void }) {
  const [page, setPage] = useState<Page>(() => pageOf(window.location.hash));
  useEffect(() => {
    const on = (): void => setPage(pageOf(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  const { revision, connected } = useCountyRevision(bridge);
  const admin = session.roles.includes('admin');
  const nav: readonly [Page, string, string][] = [['areas', '#/', C.nav.areas], ['stats', '#/stats', C.nav.stats], ['chain', '#/chain', C.nav.chain], ...(admin ? [['log', '#/log', C.nav.log] as [Page, string, string]] : [])];
  const clock = useCountyQuery(bridge, 'now', {}, 0, onSignedOut);
  const props: CountyPageProps = { bridge, revision, onSignedOut, timeZone: clock.data?.timeZone ?? DEFAULT_TIME_ZONE };
  return (
    <>
      <header className="app-header county-header">
        <div className="brand"><span className="app-name">{C.appName}</span></div>
        <nav aria-label={C.appName}>
          {nav.map(([p, href, label]) => <a key={p} href={href} aria-current={p === page ? 'page' : undefined}>{label}</a>)}
        </nav>
        <div className="header-side">
          <span role="img" className={`live ${connected === false ? 'live-down' : 'live-up'}`} aria-label={connected === false ? C.offline : C.live} title={connected === false ? C.offline : C.live} />
          <span className="user">{session.name}</span>
          <button type="button" className="small" onClick={signOut}>{C.signOut}</button>
        </div>
      </header>
      {connected === false && <p className="offline-banner" role="status">{C.offline}</p>}
      <main id="main" tabIndex={-1}>
        {page === 'areas' && <AreasScreen {...props} />}
        {page === 'stats' && <CountyStatsScreen {...props} />}
        {page === 'chain' && <ChainAlarmsScreen {...props} />}
        {page === 'log' && admin && <AccessLogScreen {...props} />}
      </main>
    </>
  );
}
