// The 更正 form's state, what it checks itself before asking the station (all at once, in the
// words of the entry form), and the person.correct command it becomes.
import type { CommandInput } from '../../../../common/api.js';
import { T } from '../../../../common/deskText.js';
import { isCalendarDate } from '../../../../common/dates.js';
import { CORRECTION_FIELD_LABELS } from '../../../../common/messages.js';
import type { PersonDetail } from '../../../../common/views.js';
import { CORRECTABLE_FIELDS, type CorrectableField } from '../../../../common/vocab.js';
import { normalizeDate } from '../../format/wallInput.js';
import type { Problem } from '../../station/useSubmit.js';
import { idNumberHint } from '../entry/idNumberHint.js';

/** Every correctable field's value as text ('' for none), as recorded or as typed. */
export type CorrectionValues = Readonly<Record<CorrectableField, string>>;

export interface CorrectionDraft {
  /** The fields ticked, in the order of CORRECTABLE_FIELDS. */
  readonly picked: readonly CorrectableField[];
  readonly values: CorrectionValues;
  readonly reason: string;
  readonly approvedBy: string;
}

/** The command field a correctable field's refusal names (as the station names it). */
export const fieldName = (f: CorrectableField): string => `fields.${f}`;

/** The values the record holds now (the corrected ones, if corrected before). */
export function recordedValues(person: PersonDetail): CorrectionValues {
  const s = person.summary;
  return {
    name: s.name, gender: s.gender, birthDate: s.birthDate, idNumber: person.idNumber ?? '', role: s.role,
    caseNo: s.caseNo ?? '', basis: s.basis ?? '', tag: s.tag ?? '',
  };
}

/** The fields that can still be corrected: an exited person wears no wristband any more. */
export function correctableFields(person: PersonDetail): readonly CorrectableField[] {
  return person.summary.status === 'exited' ? CORRECTABLE_FIELDS.filter((f) => f !== 'tag') : CORRECTABLE_FIELDS;
}

export function emptyCorrection(person: PersonDetail): CorrectionDraft {
  return { picked: [], values: recordedValues(person), reason: '', approvedBy: '' };
}

/** A field's new value as it will be sent: trimmed, a date tidied, an ID number in capitals. */
function cleaned(f: CorrectableField, raw: string): string {
  const v = raw.trim();
  if (f === 'birthDate') return normalizeDate(v) ?? v;
  if (f === 'idNumber') return v.toUpperCase();
  return v;
}

function valueProblem(f: CorrectableField, value: string, was: string, today: string): string | null {
  const label = CORRECTION_FIELD_LABELS[f];
  if (value === '') return f === 'name' ? T.entry.needName : T.correct.needValue(label);
  if (f === 'birthDate') {
    if (!isCalendarDate(value)) return T.dates.badDate;
    if (value > today) return T.entry.futureBirth;
  }
  if (f === 'idNumber') {
    const hint = idNumberHint(value, today);
    if (hint.kind === 'problem') return hint.message;
    if (hint.kind === 'typing') return T.entry.idTyping(hint.count);
  }
  return value === was ? T.correct.unchanged(label) : null;
}

/** Everything the page can tell before the station decides, each at its field. */
export function correctionProblems(d: CorrectionDraft, person: PersonDetail, today: string): Problem[] {
  const was = recordedValues(person);
  const role = d.picked.includes('role') ? d.values.role : was.role;
  const basis = d.picked.includes('basis') ? d.values.basis : was.basis;
  return [
    d.picked.length === 0 && { message: T.correct.needField, field: 'fields' },
    ...d.picked.map((f) => {
      const problem = valueProblem(f, cleaned(f, d.values[f]), was[f], today);
      return problem !== null && { message: problem, field: fieldName(f) };
    }),
    // The station refuses a suspect without a basis; said here where the desk can fix it.
    role === 'suspect' && basis === '' && !d.picked.includes('basis') && { message: T.correct.basisWithRole, field: fieldName('role') },
    d.reason.trim() === '' && { message: T.correct.needReason, field: 'reason' },
    d.approvedBy === '' && { message: T.correct.needApprover, field: 'approvedBy' },
  ];
}

/** The new values of the ticked fields, as they will be sent. */
export function newValues(d: CorrectionDraft): Partial<Record<CorrectableField, string>> {
  return Object.fromEntries(d.picked.map((f) => [f, cleaned(f, d.values[f])]));
}

export function correctionCommand(d: CorrectionDraft, personId: string): CommandInput {
  return { type: 'person.correct', personId, fields: newValues(d), reason: d.reason.trim(), approvedBy: d.approvedBy };
}
