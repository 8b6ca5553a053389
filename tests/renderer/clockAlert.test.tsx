// @vitest-environment jsdom
// 时钟异常 on the desk: the latest unacknowledged clock jump with its old and new readings, one
// button that acknowledges every jump up to it (clock.ack), nothing for a read-only account, and
// nothing at all once the station reports no jump.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { T } from '../../common/deskText.js';
import type { ClockJumpView } from '../../common/views.js';
import { ClockAlert } from '../../renderer/src/widgets/ClockAlert.js';
import { FakeBridge, NOW, overviewFixture, SUPERVISOR } from './fakeBridge.js';
import { renderStation } from './renderStation.js';

afterEach(cleanup);

const DAY = 86_400_000;
const jumps: ClockJumpView[] = [
  { seq: 20, at: NOW - 60_000, cause: 'jump', wallBefore: NOW - 60_000, wallAfter: NOW - 60_000 + DAY },
  { seq: 22, at: NOW - 58_000, cause: 'jump', wallBefore: NOW - 58_000 + DAY, wallAfter: NOW - 58_000 },
];

describe('clock alert', () => {
  it('shows the last jump in the station’s time zone and acknowledges up to it', async () => {
    const bridge = new FakeBridge({ overview: () => overviewFixture({ clockJumps: jumps }) });
    renderStation(<ClockAlert />, bridge);
    const alert = await screen.findByRole('alert', { name: T.clock.title });
    expect(alert.textContent).toContain(T.clock.jump('2026-03-03 09:59:02', '2026-03-02 09:59:02'));
    expect(alert.textContent).toContain(T.clock.more(1));
    fireEvent.click(screen.getByRole('button', { name: T.clock.ack }));
    await waitFor(() => expect(bridge.commands()).toEqual([{ type: 'clock.ack', upTo: 22 }]));
  });

  it('shows a supervisor the alert without the button', async () => {
    const bridge = new FakeBridge({ overview: () => overviewFixture({ clockJumps: jumps.slice(0, 1) }) });
    renderStation(<ClockAlert />, bridge, NOW, SUPERVISOR);
    await screen.findByRole('alert', { name: T.clock.title });
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('shows nothing without a jump', async () => {
    const bridge = new FakeBridge({ overview: () => overviewFixture({ clockJumps: [] }) });
    renderStation(<ClockAlert />, bridge);
    await waitFor(() => expect(bridge.calls.some((c) => c.method === 'overview')).toBe(true));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
