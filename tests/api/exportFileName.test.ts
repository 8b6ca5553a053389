// Export files are named for the station's local date of their first day: a day in Shanghai
// starts at 16:00 UTC the day before, and its file must not carry yesterday's date.
import { describe, expect, it } from 'vitest';
import { exportFileName } from '../../main/api/csv.js';

const dayStart = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) - 8 * 3_600_000; // local midnight in +08:00

describe('export file names', () => {
  it.each([
    ['a local day from midnight', dayStart(2026, 3, 2), 'ledger-2026-03-02.csv'],
    ['a Shanghai morning (still the day before in UTC)', dayStart(2026, 3, 2) + 7 * 3_600_000, 'ledger-2026-03-02.csv'],
    ['the last minute of the day', dayStart(2026, 3, 3) - 60_000, 'ledger-2026-03-02.csv'],
  ])('%s', (_what, from, name) => {
    expect(exportFileName('ledger.csv', from, 'Asia/Shanghai')).toBe(name);
  });

  it('uses the configured zone, not UTC', () => {
    expect(exportFileName('alarms.csv', dayStart(2026, 3, 2), 'UTC')).toBe('alarms-2026-03-01.csv');
  });
});
