// Dates and times as the desk types them become the record's YYYY-MM-DD and 24-hour HH:mm, or
// are refused; the date picker's calendar starts its weeks on Monday and keeps the day in a month.
import { describe, expect, it } from 'vitest';
import { normalizeDate, normalizeTime } from '../../renderer/src/format/wallInput.js';
import { addMonths, monthGrid, weekday } from '../../renderer/src/widgets/dates/calendar.js';

describe('dates typed at the desk', () => {
  it.each([
    ['1995-08-15', '1995-08-15'], ['19950815', '1995-08-15'], ['1995/8/15', '1995-08-15'], ['1995.08.15', '1995-08-15'],
    ['1995年8月15日', '1995-08-15'], [' 1995-8-5 ', '1995-08-05'], ['2024-02-29', '2024-02-29'],
  ])('%s → %s', (typed, date) => expect(normalizeDate(typed)).toBe(date));

  it.each(['08/15/1995', '15.08.1995', '1995-02-29', '1995-13-01', '1995-00-10', '199508', 'yesterday', ''])('refuses %s', (typed) => {
    expect(normalizeDate(typed)).toBeNull();
  });
});

describe('times typed at the desk (24-hour)', () => {
  it.each([
    ['15:30', '15:30'], ['1530', '15:30'], ['915', '09:15'], ['9', '09:00'], ['09', '09:00'], ['3:5', '03:05'], ['15点', '15:00'],
    ['15点30分', '15:30'], ['0:00', '00:00'], ['23：59', '23:59'],
  ])('%s → %s', (typed, time) => expect(normalizeTime(typed)).toBe(time));

  it.each(['24:00', '12:60', '3:15 PM', '3.15pm', '12345', 'noon', ''])('refuses %s', (typed) => {
    expect(normalizeTime(typed)).toBeNull();
  });
});

describe('the calendar of the date picker', () => {
  it('starts weeks on Monday and shows six of them around the month', () => {
    expect(weekday('2026-03-02')).toBe(0);
    expect(weekday('2026-03-01')).toBe(6);
    const grid = monthGrid('2026-03-15');
    expect(grid).toHaveLength(6);
    expect(grid[0]?.[0]).toBe('2026-02-23');
    expect(grid[0]?.[6]).toBe('2026-03-01');
  });

  it('moves by months within the month (31 March − 1 month is the last of February)', () => {
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
  });
});
