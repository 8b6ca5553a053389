// What an account's roles let it see, beyond the command checks (`may`): the desk's own screens
// belong to those who work the area; a supervisor-only account watches it, read-only.
import type { Role } from '../../../common/views.js';

const DESK_WORK: readonly Role[] = ['desk', 'operator', 'admin'];
const WATCH: readonly Role[] = ['supervisor', 'admin'];

/** Registers people or runs rooms: gets the desk's overview as home. */
export function worksDesk(roles: readonly Role[]): boolean {
  return roles.some((r) => DESK_WORK.includes(r));
}

/** Supervises the area: gets the live dashboard. */
export function watchesArea(roles: readonly Role[]): boolean {
  return roles.some((r) => WATCH.includes(r));
}
