// The hand-checked path for tag reads must accept and produce exactly what the schema does.
import { describe, expect, it } from 'vitest';
import { commandSchemas } from '../../common/commands.js';
import { parseCommand } from '../../main/core/commands/parse.js';

const values: unknown[] = [undefined, null, '', 'R1', 'T-01', 0, -1, 1.5, 3, -65.5, true, {}, [], Number.NaN];

function viaSchema(raw: Record<string, unknown>): unknown {
  const r = commandSchemas['tag.read'].safeParse(raw);
  return r.success ? JSON.parse(JSON.stringify({ type: 'tag.read', ...r.data })) : 'refused';
}

describe('tag.read fast path', () => {
  it('agrees with the schema on every combination of field values', () => {
    let compared = 0;
    for (const reader of values) for (const tag of values) for (const rssi of values) for (const antenna of values) {
      const raw: Record<string, unknown> = { type: 'tag.read', extra: 'dropped' };
      if (reader !== undefined) raw.reader = reader;
      if (tag !== undefined) raw.tag = tag;
      if (rssi !== undefined) raw.rssi = rssi;
      if (antenna !== undefined) raw.antenna = antenna;
      const fast = parseCommand(raw);
      expect(fast.ok ? JSON.parse(JSON.stringify(fast.command)) : 'refused').toEqual(viaSchema(raw));
      compared += 1;
    }
    expect(compared).toBe(values.length ** 4);
  });
});
