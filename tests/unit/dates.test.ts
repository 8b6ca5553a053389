import { describe, expect, it } from 'vitest';
import { birthdayOf, isCalendarDate, isMinorOn, localDate, parseInstant, zoneOffsetMinutes } from '../../common/dates.js';

describe('instants with offsets', () => {
  it('parses offsets and fractions', () => {
    expect(parseInstant('2026-03-02T08:00:00+08:00')).toEqual({ ms: Date.UTC(2026, 2, 2, 0, 0, 0), offsetMinutes: 480 });
    expect(parseInstant('2026-03-02T00:00:00.250Z')).toEqual({ ms: Date.UTC(2026, 2, 2, 0, 0, 0, 250), offsetMinutes: 0 });
    expect(parseInstant('2026-03-02T08:00-0530')?.offsetMinutes).toBe(-330);
  });
  it.each(['2026-03-02T08:00:00', '2026-03-02', '2026-02-30T00:00:00Z', '2026-03-02T24:00:00Z', 'yesterday', '2026-03-02T08:00:00+8'])('refuses %s', (s) => {
    expect(parseInstant(s)).toBeNull();
  });
  it('reads the calendar date in the line offset', () => {
    const ms = Date.UTC(2026, 2, 1, 17, 0);
    expect(localDate(ms, 480)).toBe('2026-03-02');
    expect(localDate(ms, 0)).toBe('2026-03-01');
  });
  it('knows the Shanghai offset', () => {
    expect(zoneOffsetMinutes(Date.UTC(2026, 0, 1), 'Asia/Shanghai')).toBe(480);
    expect(zoneOffsetMinutes(Date.UTC(2026, 6, 1), 'Europe/Berlin')).toBe(120);
  });
});

describe('周岁 minors', () => {
  it('is a minor on the 18th birthday and an adult the day after', () => {
    expect(isMinorOn('2008-03-02', '2026-03-02')).toBe(true);
    expect(isMinorOn('2008-03-02', '2026-03-03')).toBe(false);
    expect(isMinorOn('2008-03-03', '2026-03-02')).toBe(true);
  });
  it('puts a 29 February birthday on 28 February in a common year', () => {
    expect(birthdayOf('2008-02-29', 18)).toBe('2026-02-28');
    expect(isMinorOn('2008-02-29', '2026-02-28')).toBe(true);
    expect(isMinorOn('2008-02-29', '2026-03-01')).toBe(false);
    expect(birthdayOf('2004-02-29', 20)).toBe('2024-02-29');
  });
  it('checks calendar dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('1900-02-29')).toBe(false);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('2026-13-01')).toBe(false);
  });
});
