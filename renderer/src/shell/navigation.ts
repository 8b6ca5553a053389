// The header's navigation per role: each account sees the screens its roles can use (the station
// refuses the rest anyway). Each entry has a visible number key (1–9, then 0) that opens it from
// anywhere outside a text field — plain keys, because Alt+number switches the browser's tabs.
import { mayCall, mayIssue } from '../../../common/api.js';
import { T } from '../../../common/deskText.js';
import { R } from '../../../common/recordingText.js';
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
  // After the desk's own entries, so that an administrator's number keys for the desk's work stay those of a desk account.
  { route: { name: 'wall' }, label: R.nav.wall, shown: watchesArea },
  { route: { name: 'handover' }, label: T.handover.nav, shown: () => true },
  { route: { name: 'stats' }, label: T.shell.nav.stats, shown: (roles) => mayCall(roles, 'stats') },
  { route: { name: 'exports' }, label: T.shell.nav.exports, shown: (roles) => mayCall(roles, 'ledger') },
  { route: { name: 'audit' }, label: T.shell.nav.audit, shown: (roles) => mayCall(roles, 'audit') },
  { route: { name: 'accounts' }, label: T.shell.nav.accounts, shown: (roles) => mayCall(roles, 'accounts') },
  { route: { name: 'viewingLog' }, label: R.nav.viewingLog, shown: (roles) => mayCall(roles, 'viewingLog') },
  { route: { name: 'setup' }, label: SETUP_TEXT.nav, shown: (roles) => mayCall(roles, 'saveArea') },
];

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];

export function navItems(roles: readonly Role[]): NavItem[] {
  return ALL.filter((n) => n.shown(roles)).map((n, i) => ({ route: n.route, label: n.label, key: KEYS[i] ?? '' }));
}

/** The navigation entry a route belongs to (home is the dashboard for an account that does not work the desk). */
export function navEntryOf(route: Route, roles: readonly Role[]): Route['name'] {
  if (route.name === 'overview' && !worksDesk(roles)) return 'dashboard';
  if (route.name === 'ledger' || route.name === 'alarmReport') return 'exports';
  if (route.name === 'session' || route.name === 'playback' || route.name === 'evidence') return 'persons';
  return route.name;
}
