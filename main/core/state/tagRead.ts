// What a tag read means for presence. Shared by the reducer (to apply it) and by the command
// decision (a read that changes nothing is not recorded: readers repeat every tag in view many
// times a second, and only changes belong in the record).
import type { AreaState } from './model.js';

export type TagReadEffect =
  | { kind: 'none' }
  | { kind: 'unknown' }
  /** `to` null: the owner is now outside the area (an exit reader). */
  | { kind: 'move'; who: string; person: boolean; to: string | null };

export function tagReadEffect(state: AreaState, readerId: string, tag: string): TagReadEffect {
  const reader = state.readers.get(readerId);
  if (!reader) return { kind: 'none' };
  const owner = state.tags.get(tag);
  if (!owner) return state.unknownTags.has(tag) ? { kind: 'none' } : { kind: 'unknown' };
  const where = state.presence.get(owner.id);
  const isPerson = owner.kind === 'person';
  if (reader.role === 'exit') {
    if (where === 'outside') {
      // Already outside; only a person seen leaving outside a temporary exit changes anything.
      const person = isPerson ? state.persons.get(owner.id) : undefined;
      if (!person || person.tempExit || person.leftWithoutExitAt !== null) return { kind: 'none' };
    }
    return { kind: 'move', who: owner.id, person: isPerson, to: null };
  }
  if (reader.room === null) return { kind: 'none' };
  if (where !== undefined && where !== 'outside' && where.room === reader.room) return { kind: 'none' };
  return { kind: 'move', who: owner.id, person: isPerson, to: reader.room };
}
