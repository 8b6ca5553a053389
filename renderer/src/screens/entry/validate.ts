// What the entry form checks itself before asking the station, all at once: the same words the
// desk would hear from the station, but every missing field in one go.
import { T } from '../../../../common/deskText.js';
import { isCalendarDate } from '../../../../common/dates.js';
import type { Problem } from '../../station/useSubmit.js';
import { identityOf, type EntryDraft } from './draft.js';

export function entryProblems(d: EntryDraft, today: string): Problem[] {
  const identity = identityOf(d);
  const birth = identity.birthDate;
  return [
    d.name.trim() === '' && { message: T.entry.needName, field: 'person.name' },
    identity.gender === '' && { message: T.entry.needGender, field: 'person.gender' },
    !identity.fromId && (birth === '' ? { message: T.entry.needBirth, field: 'person.birthDate' }
      : !isCalendarDate(birth) ? { message: T.dates.badDate, field: 'person.birthDate' }
        : birth > today && { message: T.entry.futureBirth, field: 'person.birthDate' }),
    d.role === '' && { message: T.entry.needRole, field: 'person.role' },
    d.role === 'suspect' && d.basis === '' && { message: T.entry.basisForSuspect, field: 'person.basis' },
    (!d.officer1 || !d.officer2) ? { message: T.entry.twoOfficers, field: 'person.officers' }
      : d.officer1 === d.officer2 && { message: T.entry.sameOfficer, field: 'person.officers' },
  ];
}
