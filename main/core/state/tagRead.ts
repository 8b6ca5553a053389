// What a tag read means for presence. Shared by the reducer (to apply it) and by the command
// decision (a read that changes nothing is not recorded: readers repeat every tag in view many
// times a second, and only changes belong in the record).
import { placeOf } from './areaIndex.js';
import type { AreaState, Person, Reader } from './model.js';
import type { Place } from './place.js';

export type TagReadEffect =
  | { kind: 'none' }
  | { kind: 'unknown' }
  /** `person`: the owner when a person (else an officer); `to` null: now outside the area (an exit reader). */
  | { kind: 'move'; who: string; person: Person | undefined; to: Place | null };

// Most reads of a busy day change nothing: one shared answer for them rather than one each.
const NONE: TagReadEffect = Object.freeze({ kind: 'none' });
const UNKNOWN: TagReadEffect = Object.freeze({ kind: 'unknown' });

/** What a read of `tag` by `readerId` means for the state as it is now. */
export function tagReadEffect(state: AreaState, readerId: string, tag: string): TagReadEffect {
  const reader = state.readers.get(readerId);
  return reader ? readEffect(state, reader, tag) : NONE;
}

/** What a read of `tag` by `reader`, one of the area's, means for the state as it is now. */
export function readEffect(state: AreaState, reader: Reader, tag: string): TagReadEffect {
  const owner = state.tags.get(tag);
  if (!owner) return state.unknownTags.has(tag) ? NONE : UNKNOWN;
  const where = state.presence.get(owner.id);
  if (reader.role === 'exit') {
    const person = owner.kind === 'person' ? state.persons.get(owner.id) : undefined;
    // Already outside; only a person seen leaving outside a temporary exit changes anything.
    if (where === 'outside' && (!person || person.tempExit || person.leftWithoutExitAt !== null)) return NONE;
    return { kind: 'move', who: owner.id, person, to: null };
  }
  if (reader.room === null) return NONE;
  if (where !== undefined && where !== 'outside' && where.room === reader.room) return NONE;
  return { kind: 'move', who: owner.id, person: owner.kind === 'person' ? state.persons.get(owner.id) : undefined, to: placeOf(state, reader.room) };
}
