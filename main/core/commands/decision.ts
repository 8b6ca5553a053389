import type { StationRejection } from '../../../common/rejections.js';
import type { DomainEvent } from '../../../common/events.js';
import type { TagReadEffect } from '../state/tagRead.js';

/**
 * What a command amounts to: one event to record, nothing to record, or a refusal. A tag read to
 * record comes with what it means in the state it was decided on (`read`), which the reducer then
 * need not work out again: the read is applied to that same state.
 */
export type Decision = { ok: true; event: DomainEvent | null; read?: TagReadEffect } | { ok: false; rejection: StationRejection };

export const accept = (event: DomainEvent | null): Decision => ({ ok: true, event });
export const refuse = (rejection: StationRejection): Decision => ({ ok: false, rejection });

/** Context of the moment a command is decided. */
export interface DecideContext {
  /** UTC ms. */
  readonly at: number;
  /** The offset (minutes east of UTC) in which the command's local calendar date is read. */
  readonly offsetMinutes: number;
}

/** The payload of an event is its command without the `type` tag. */
export function withoutType<T extends { type: string }>(c: T): Omit<T, 'type'> {
  const { type: _type, ...rest } = c;
  return rest;
}
