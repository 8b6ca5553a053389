// Every alarm of the contract's table is computed by exactly one rule, in the table's order (the
// order in which transitions of one instant are written), and every rule has a label for the desk.
import { describe, expect, it } from 'vitest';
import { ALARM_LABELS, ALARM_RULES } from '../../common/alarms.js';
import { RULES } from '../../main/rules/rules/index.js';

describe('the rule table', () => {
  it('has one rule for every ALARM_RULES entry, in the same order', () => {
    expect(RULES.map((r) => r.rule)).toEqual([...ALARM_RULES]);
  });

  it('names every rule for the desk', () => {
    for (const rule of ALARM_RULES) expect(ALARM_LABELS[rule], rule).toMatch(/\S/);
  });
});
