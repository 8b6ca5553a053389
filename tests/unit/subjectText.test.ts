// One wording of alarm subjects for the pages and the CSV downloads.
import { describe, expect, it } from 'vitest';
import { subjectText, type SubjectNames } from '../../common/subjectText.js';

const names: SubjectNames = {
  person: (id) => ({ P1: '张三' } as Record<string, string>)[id] ?? null,
  room: (id) => ({ INT1: '讯问室一' } as Record<string, string>)[id] ?? null,
  session: (id) => (id === 'S1' ? { kind: 'interrogation', personId: 'P1' } : null),
  deviceRoom: (id) => (id === 'CAM-1' ? 'INT1' : null),
};

describe('alarm subjects in words', () => {
  it.each([
    ['person:P1', '张三（P1）'],
    ['person:P9', 'P9'],
    ['room:INT1', '讯问室一'],
    ['room:X', 'X'],
    ['session:S1', '讯问 · 张三（P1）'],
    ['session:S9', '讯（询）问 S9'],
    ['device:CAM-1', '设备 CAM-1（讯问室一）'],
    ['device:RD-9', '设备 RD-9'],
    ['device:storage', '录像存储'],
    ['tag:E001', '腕带 E001'],
    ['nonsense', 'nonsense'],
  ])('%s → %s', (subject, text) => {
    expect(subjectText(subject, names)).toBe(text);
  });
});
