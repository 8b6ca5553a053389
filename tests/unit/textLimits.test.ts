// The bounds on what people type, as the desk, the API and the replay all apply them.
import { describe, expect, it } from 'vitest';
import { freeValueProblem, isBlank, nameProblem, NAME_MAX, NESTING_MAX, nestingBeyond, TEXT_MAX, textProblem } from '../../common/textLimits.js';
import { parseCommand } from '../../main/core/commands/parse.js';
import { SUSPECT, testStation } from '../helpers/station.js';

function nested(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

describe('names and text', () => {
  it.each([
    ['张三', null], ['Zhang San', null], ['阿卜杜拉·买买提', null], ['👮'.repeat(NAME_MAX), null],
    ['', 'empty'], ['   ', 'empty'], ['\u200B', 'empty'], ['\u3000\u200D\uFEFF\u2060', 'empty'], ['\u202E', 'empty'],
    ['x'.repeat(NAME_MAX + 1), 'name_too_long'], ['a\u0000b', 'control'], ['a\nb', 'control'], ['a\u0085b', 'control'],
  ])('name %j → %j', (s, problem) => {
    expect(nameProblem(s)).toBe(problem);
  });

  it('lets free text keep line breaks and tabs, and nothing else below the space', () => {
    expect(textProblem('一\r\n二\t三')).toBeNull();
    expect(textProblem('a\u0007')).toBe('control');
    expect(textProblem('记'.repeat(TEXT_MAX))).toBeNull();
    expect(textProblem('记'.repeat(TEXT_MAX + 1))).toBe('text_too_long');
    expect(isBlank('\u200B \u200C')).toBe(true);
    expect(isBlank('\u200B.')).toBe(false);
  });
});

describe('free values', () => {
  it('measures depth without recursion, even 100,000 deep', () => {
    expect(freeValueProblem(nested(8))).toBeNull();
    expect(freeValueProblem(nested(9))).toEqual({ path: [], problem: 'too_deep' });
    expect(freeValueProblem(nested(100_000))).toMatchObject({ path: [] });
    expect(nestingBeyond({ command: { findings: nested(100_000) } }, 16)?.slice(0, 2)).toEqual(['command', 'findings']);
    expect(nestingBeyond({ command: { findings: nested(5) } }, 16)).toBeNull();
  });

  it('names the place of a bad string or key inside', () => {
    expect(freeValueProblem({ injuries: [{ note: 'x\u0000' }] })).toEqual({ path: ['injuries', 0, 'note'], problem: 'control' });
    expect(freeValueProblem({ ['k'.repeat(NAME_MAX + 1)]: 1 })).toEqual({ path: [], problem: 'key_too_long' });
  });
});

describe('commands from any source (the replay too)', () => {
  it('refuses findings nested 20,000 deep as a rejection naming the field, not a crash', () => {
    const r = parseCommand({ type: 'security.check', personId: 'P1', checkers: ['O1'], findings: nested(20_000) });
    expect(r).toMatchObject({ ok: false, rejection: { code: 'INVALID_FIELD', field: 'findings', message: `字段 findings 嵌套不能超过 ${NESTING_MAX} 层`, reason: `field findings nests deeper than ${NESTING_MAX} levels` } });
  });

  it('keeps a command within the bounds exactly as before', () => {
    const command = { type: 'security.check', personId: 'P1', checkers: ['O1'], doctor: false, findings: { injuries: [{ where: '左臂', note: '擦伤\n约 2 厘米' }], items: nested(6) } };
    expect(parseCommand(command)).toEqual({ ok: true, command });
  });

  it('bounds an item\'s extra fields like any free value', () => {
    const r = parseCommand({ type: 'belongings.store', personId: 'P1', items: [{ name: '手机', quantity: 1, colour: 'x\u0000' }] });
    expect(r).toMatchObject({ ok: false, rejection: { field: 'items.0.colour' } });
    expect(parseCommand({ type: 'belongings.store', personId: 'P1', items: [{ name: '手机', quantity: 1, colour: '黑' }] }).ok).toBe(true);
  });

  it('counts an invisible-only correction reason as none', () => {
    const s = testStation();
    try {
      s.ok(1, SUSPECT('P1'));
      const r = s.at(2, { type: 'person.correct', personId: 'P1', fields: { caseNo: 'C2' }, reason: '\u200B\u3000', approvedBy: 'O1' });
      expect(r).toMatchObject({ ok: false, rejection: { code: 'REASON_REQUIRED', field: 'reason' } });
      expect(s.at(3, { type: 'person.correct', personId: 'P1', fields: { caseNo: 'C2' }, reason: '录入错误', approvedBy: 'O1' }).ok).toBe(true);
    } finally {
      s.close();
    }
  });
});
