import { HOUR_MS } from '../../common/legal.js';
import type { Person } from '../core/state/model.js';

/** The legal deadline: entry + the current limit of the person's basis; null when there is none. */
export function deadlineOf(p: Person): number | null {
  return p.limitHours === null ? null : p.enteredAt + p.limitHours * HOUR_MS;
}
