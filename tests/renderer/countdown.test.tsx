// @vitest-environment jsdom
// The legal countdown: its colour as the deadline nears (the same window as 时限即将届满), and the
// text it shows before and after the deadline.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { countdownTone } from '../../renderer/src/format/countdown.js';
import { NowContext } from '../../renderer/src/station/now.js';
import { Countdown } from '../../renderer/src/widgets/Countdown.js';

const NOW = Date.UTC(2026, 2, 2, 2, 0, 0);
const MIN = 60_000;
const WARN = 60;

afterEach(cleanup);

describe('countdownTone', () => {
  it.each([
    ['no deadline', null, 'none'],
    ['plenty of time', NOW + 5 * 60 * MIN, 'ok'],
    ['three warning windows away, exactly', NOW + 3 * WARN * MIN, 'near'],
    ['just over three windows away', NOW + 3 * WARN * MIN + 1, 'ok'],
    ['inside the warning window', NOW + 30 * MIN, 'warn'],
    ['at the start of the warning window', NOW + WARN * MIN, 'warn'],
    ['one millisecond left', NOW + 1, 'warn'],
    ['at the deadline', NOW, 'over'],
    ['past the deadline', NOW - 10 * MIN, 'over'],
  ] as const)('%s → %s', (_what, deadline, tone) => {
    expect(countdownTone(deadline, NOW, WARN)).toBe(tone);
  });

  it('follows the area\'s warning setting', () => {
    expect(countdownTone(NOW + 90 * MIN, NOW, 60)).toBe('near');
    expect(countdownTone(NOW + 90 * MIN, NOW, 120)).toBe('warn');
  });
});

function renderAt(deadlineAt: number | null) {
  return render(<NowContext.Provider value={NOW}><Countdown deadlineAt={deadlineAt} warnMinutes={WARN} timeZone="Asia/Shanghai" /></NowContext.Provider>);
}

describe('Countdown', () => {
  it('shows the time left in the colour of its tone', () => {
    renderAt(NOW + 2 * 60 * MIN + 5_000);
    const el = screen.getByText('剩余 2:00:05');
    expect(el.dataset.tone).toBe('near');
    expect(el.className).toContain('tone-near');
    expect(el.getAttribute('title')).toContain('2026-03-02 12:00');
  });

  it('shows how long the deadline has passed, in the alarm colour', () => {
    renderAt(NOW - 61 * MIN);
    const el = screen.getByText('已超时 1:01:00');
    expect(el.dataset.tone).toBe('over');
    expect(el.className).toContain('tone-over');
  });

  it('says so when there is no legal limit', () => {
    renderAt(null);
    expect(screen.getByText('无法定时限').dataset.tone).toBe('none');
  });
});
