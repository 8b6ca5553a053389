// Export files are named for the station's local dates: a day in Shanghai starts at 16:00 UTC the
// day before, and its file must not carry yesterday's date.
import { describe, expect, it } from 'vitest';
import { exportFileName } from '../../main/api/csv.js';

const SH = 'Asia/Shanghai';
const dayStart = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) - 8 * 3_600_000; // local midnight in +08:00

describe('export file names', () => {
  it.each([
    ['one local day', dayStart(2026, 3, 2), dayStart(2026, 3, 3), 'ledger-2026-03-02.csv'],
    ['a morning shift', dayStart(2026, 3, 2) + 3_600_000, dayStart(2026, 3, 2) + 9 * 3_600_000, 'ledger-2026-03-02.csv'],
    ['a week', dayStart(2026, 3, 2), dayStart(2026, 3, 9), 'ledger-2026-03-02_2026-03-08.csv'],
  ])('%s', (_what, from, to, name) => {
    expect(exportFileName('ledger.csv', from, to, SH)).toBe(name);
  });

  it('uses the configured zone, not UTC', () => {
    expect(exportFileName('alarms.csv', dayStart(2026, 3, 2), dayStart(2026, 3, 3), 'UTC')).toBe('alarms-2026-03-01_2026-03-02.csv');
  });
});
