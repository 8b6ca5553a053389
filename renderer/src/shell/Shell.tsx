// The frame of every desk screen: header with navigation, the alarm bar, and the current screen.
import { useEffect, useMemo, useRef } from 'react';
import { T } from '../../../common/deskText.js';
import { ACCOUNT_ROLE_LABELS } from '../../../common/messages.js';
import { formatClock } from '../../../common/zonedTime.js';
import { navigate, routeHref } from '../router/route.js';
import { useRoute } from '../router/useRoute.js';
import { useStation } from '../station/context.js';
import { NowProvider, useNow } from '../station/now.js';
import { AlarmBar } from '../widgets/AlarmBar.js';
import { ClockAlert } from '../widgets/ClockAlert.js';
import { CountyLinkBadge } from '../widgets/CountyLinkBadge.js';
import { AdminMenu } from './AdminMenu.js';
import { HeaderSearch, type SearchBox } from './HeaderSearch.js';
import { navEntryOf, navItems } from './navigation.js';
import { Screen } from './Screen.js';
import { onShortcutKey } from './shortcuts.js';

function StationClock() {
  const { timeZone } = useStation();
  const now = useNow();
  return <time className="station-clock" title={`${T.shell.stationTime}（${timeZone}）`}>{formatClock(now, timeZone)}</time>;
}

export function Shell() {
  const route = useRoute();
  const { overview, session, connected, signOut, skewMs, loadError } = useStation();
  const main = useRef<HTMLElement>(null);
  const routeKey = routeHref(route);

  // A new screen starts at its top, with the keyboard in it rather than back on the nav link
  // (unless the screen already put it on its first field).
  useEffect(() => {
    window.scrollTo(0, 0);
    if (!main.current?.contains(document.activeElement)) main.current?.focus({ preventScroll: true });
  }, [routeKey]);

  const roles = session.roles.map((r) => ACCOUNT_ROLE_LABELS[r]).join('、');
  const nav = useMemo(() => navItems(session.roles), [session.roles]);
  const current = navEntryOf(route, session.roles);
  const search = useRef<SearchBox>(null);

  useEffect(() => {
    const shortcuts = { nav: new Map(nav.items.map((n) => [n.key, () => navigate(n.route)])), search: () => search.current?.focus() };
    const onKey = (e: KeyboardEvent): void => onShortcutKey(e, shortcuts);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [nav]);
  return (
    <NowProvider skewMs={skewMs}>
      <button type="button" className="skip-link" onClick={() => main.current?.focus()}>{T.shell.skip}</button>
      <header className="app-header no-print">
        <div className="brand">
          <span className="app-name">{T.appName}</span>
          {overview?.area && <span className="area-name" title={overview.area.name}>{overview.area.name}</span>}
        </div>
        <nav aria-label={T.shell.navLabel} title={T.shell.shortcuts}>
          {nav.items.map((n) => (
            <a key={n.route.name} href={routeHref(n.route)} aria-keyshortcuts={n.key || undefined} title={n.key ? T.shell.shortcutHint(n.key, n.label) : undefined}
              aria-current={n.route.name === current ? 'page' : undefined}>
              {n.key && <kbd aria-hidden="true">{n.key}</kbd>}{n.label}
            </a>
          ))}
          <AdminMenu items={nav.admin} current={current} />
        </nav>
        <HeaderSearch ref={search} />
        <div className="header-side">
          <CountyLinkBadge />
          <StationClock />
          <span role="img" className={`live ${connected === false ? 'live-down' : 'live-up'}`} title={connected === false ? T.shell.offline : T.shell.live} aria-label={connected === false ? T.shell.offline : T.shell.live} />
          <a className="user" href={routeHref({ name: 'profile' })} title={`${T.shell.signedIn(session.name, roles)} · ${T.shell.profile(session.name)}`}
            aria-current={route.name === 'profile' ? 'page' : undefined}>{session.name}</a>
          <button type="button" className="small" onClick={signOut}>{T.shell.signOut}</button>
        </div>
      </header>
      {overview?.example && <p className="example-banner no-print">{T.common.exampleArea}</p>}
      {connected === false && <p className="offline-banner no-print" role="status">{T.shell.offline}</p>}
      {session.memoryOnly && <p className="offline-banner no-print" role="status">{T.shell.memorySession}</p>}
      {loadError && <p className="form-error no-print" role="alert">{loadError}</p>}
      <div className="no-print"><ClockAlert /></div>
      <div className="no-print"><AlarmBar /></div>
      <main id="main" ref={main} tabIndex={-1} data-route={routeKey}>
        <Screen route={route} />
      </main>
    </NowProvider>
  );
}
