// What the desk shows while an ID number is typed: progress, the problem the station would refuse
// it for, or what the number says (birth date, gender, age in 周岁 on the day of entry).
import { isMinorOn } from '../../../../common/dates.js';
import { ID_NUMBER_PROBLEM_LABELS } from '../../../../common/messages.js';
import { parseIdNumber, type IdNumberFacts } from '../../../../common/idNumber.js';
import { ageOn } from '../../format/age.js';

export type IdHint =
  | { readonly kind: 'empty' }
  | { readonly kind: 'typing'; readonly count: number }
  | { readonly kind: 'problem'; readonly message: string }
  | { readonly kind: 'ok'; readonly facts: IdNumberFacts; readonly age: number; readonly minor: boolean };

export function idNumberHint(raw: string, today: string): IdHint {
  const s = raw.trim();
  if (s === '') return { kind: 'empty' };
  if (s.length < 18 && /^\d*$/.test(s)) return { kind: 'typing', count: s.length };
  const parsed = parseIdNumber(s);
  if (!parsed.ok) return { kind: 'problem', message: ID_NUMBER_PROBLEM_LABELS[parsed.problem] };
  return { kind: 'ok', facts: parsed.facts, age: ageOn(parsed.facts.birthDate, today), minor: isMinorOn(parsed.facts.birthDate, today) };
}
