// 公民身份号码 (GB 11643-1999): 6-digit area code, 8-digit birth date, 3-digit sequence whose last
// digit is odd for men, and an ISO 7064 MOD 11-2 check character.
import { isCalendarDate } from './dates.js';
import type { Gender } from './vocab.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export type IdNumberProblem = 'format' | 'date' | 'check';

export interface IdNumberFacts { readonly normalized: string; readonly birthDate: string; readonly gender: Gender }

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '?';
}

/** Validates an ID number; a lower-case x is accepted as X. */
export function parseIdNumber(raw: string): { ok: true; facts: IdNumberFacts } | { ok: false; problem: IdNumberProblem } {
  const s = raw.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(s)) return { ok: false, problem: 'format' };
  const birth = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
  if (!isCalendarDate(birth)) return { ok: false, problem: 'date' };
  if (checkCharacter(s.slice(0, 17)) !== s[17]) return { ok: false, problem: 'check' };
  const sequenceLast = s.charCodeAt(16) - 48;
  return { ok: true, facts: { normalized: s, birthDate: birth, gender: sequenceLast % 2 === 1 ? 'male' : 'female' } };
}
