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

/**
 * The header's entries, and the administrator's own screens (accounts, who watched what, the
 * area's set-up), which open from one entry (系统管理) rather than each taking a place in the row:
 * with them, an administrator's thirteen entries took two rows of the header at 1366×768.
 */
export interface Nav { readonly items: readonly NavItem[]; readonly admin: readonly NavItem[] }

/** Where an entry is shown: in the header's row, or under 系统管理. */
type Place = 'row' | 'admin';

const ALL: readonly { readonly route: Route; readonly label: string; readonly shown: (roles: readonly Role[]) => boolean; readonly place?: Place }[] = [
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
  { route: { name: 'accounts' }, label: T.shell.nav.accounts, shown: (roles) => mayCall(roles, 'accounts'), place: 'admin' },
  { route: { name: 'viewingLog' }, label: R.nav.viewingLog, shown: (roles) => mayCall(roles, 'viewingLog'), place: 'admin' },
  { route: { name: 'setup' }, label: SETUP_TEXT.nav, shown: (roles) => mayCall(roles, 'saveArea'), place: 'admin' },
];

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];

/** The entries `roles` may open: the row's with their number keys, and those under 系统管理 (no key). */
export function navItems(roles: readonly Role[]): Nav {
  const shown = ALL.filter((n) => n.shown(roles));
  return {
    items: shown.filter((n) => n.place !== 'admin').map((n, i) => ({ route: n.route, label: n.label, key: KEYS[i] ?? '' })),
    admin: shown.filter((n) => n.place === 'admin').map((n) => ({ route: n.route, label: n.label, key: '' })),
  };
}

/** The navigation entry a route belongs to (home is the dashboard for an account that does not work the desk). */
export function navEntryOf(route: Route, roles: readonly Role[]): Route['name'] {
  if (route.name === 'overview' && !worksDesk(roles)) return 'dashboard';
  if (route.name === 'ledger' || route.name === 'alarmReport') return 'exports';
  if (route.name === 'session' || route.name === 'playback' || route.name === 'evidence') return 'persons';
  return route.name;
}
