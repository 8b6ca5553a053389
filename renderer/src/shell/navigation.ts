// The header's navigation per role: each account sees the screens its roles can use (the station
// refuses the rest anyway). Access keys follow the visible order, so Alt+1… always means the same
// as what is shown.
import { mayCall, mayIssue } from '../../../common/api.js';
import { T } from '../../../common/deskText.js';
import { SETUP_TEXT } from '../../../common/setupText.js';
import type { Role } from '../../../common/views.js';
import type { Route } from '../router/route.js';
import { watchesArea, worksDesk } from '../station/access.js';

export interface NavItem { readonly route: Route; readonly label: string; readonly key: string }

const ALL: readonly { readonly route: Route; readonly label: string; readonly shown: (roles: readonly Role[]) => boolean }[] = [
  { route: { name: 'overview' }, label: T.shell.nav.overview, shown: worksDesk },
  { route: { name: 'dashboard' }, label: T.shell.nav.dashboard, shown: watchesArea },
  { route: { name: 'enter' }, label: T.shell.nav.enter, shown: (roles) => mayIssue(roles, 'person.enter') },
  { route: { name: 'persons' }, label: T.shell.nav.persons, shown: () => true },
  { route: { name: 'alarms' }, label: T.shell.nav.alarms, shown: () => true },
  { route: { name: 'stats' }, label: T.shell.nav.stats, shown: (roles) => mayCall(roles, 'stats') },
  { route: { name: 'exports' }, label: T.shell.nav.exports, shown: (roles) => mayCall(roles, 'ledger') },
  { route: { name: 'audit' }, label: T.shell.nav.audit, shown: (roles) => mayCall(roles, 'audit') },
  { route: { name: 'accounts' }, label: T.shell.nav.accounts, shown: (roles) => mayCall(roles, 'accounts') },
  { route: { name: 'setup' }, label: SETUP_TEXT.nav, shown: (roles) => mayCall(roles, 'saveArea') },
];

export function navItems(roles: readonly Role[]): NavItem[] {
  return ALL.filter((n) => n.shown(roles)).map((n, i) => ({ route: n.route, label: n.label, key: String(i + 1) }));
}

/** The navigation entry a route belongs to (home is the dashboard for an account that does not work the desk). */
export function navEntryOf(route: Route, roles: readonly Role[]): Route['name'] {
  if (route.name === 'overview' && !worksDesk(roles)) return 'dashboard';
  if (route.name === 'ledger' || route.name === 'alarmReport') return 'exports';
  return route.name;
}
