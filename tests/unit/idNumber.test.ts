import { describe, expect, it } from 'vitest';
import { checkCharacter, parseIdNumber } from '../../common/idNumber.js';

describe('GB 11643 ID numbers', () => {
  it.each([
    ['11010519491231002X', '1949-12-31', 'female'],
    ['11010519491231002x', '1949-12-31', 'female'],
    ['440524188001010014', '1880-01-01', 'male'],
    ['320311197001010019', '1970-01-01', 'male'],
  ])('accepts %s', (id, birth, gender) => {
    const r = parseIdNumber(id);
    expect(r).toEqual({ ok: true, facts: { normalized: id.toUpperCase(), birthDate: birth, gender } });
  });

  it.each([
    ['110105194912310021', 'check'],
    ['11010519491331002X', 'date'],
    ['11010519490229002X', 'date'],
    ['1101051949123100', 'format'],
    ['11010519491231002Y', 'format'],
    ['', 'format'],
    ['11010519491231002XX', 'format'],
  ])('refuses %s (%s)', (id, problem) => {
    expect(parseIdNumber(id)).toEqual({ ok: false, problem });
  });

  it('computes the check character over the first 17 digits', () => {
    expect(checkCharacter('11010519491231002')).toBe('X');
    expect(checkCharacter('44052418800101001')).toBe('4');
  });

  it('accepts 29 February in a leap year', () => {
    const first17 = '11010520000229001';
    expect(parseIdNumber(first17 + checkCharacter(first17)).ok).toBe(true);
  });
});
