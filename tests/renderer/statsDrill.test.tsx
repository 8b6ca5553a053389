// @vitest-environment jsdom
// Statistics drill down: a number in the table and a bar in a chart open the same list — the
// persons who entered or left in that period, or the alarms of that period, rule or room — asked
// of the station with exactly that period.
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ECElementEvent } from 'echarts';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { T } from '../../common/deskText.js';
import type { ApiArg } from '../../common/api.js';
import type { Stats } from '../../common/views.js';
import { StatsScreen } from '../../renderer/src/screens/stats/StatsScreen.js';
import { getInstanceByDom } from '../../renderer/src/widgets/echarts.js';
import { alarmFixture, FakeBridge, NOW, personFixture, SUPERVISOR } from './fakeBridge.js';
import { renderStation } from './renderStation.js';

const HOUR = 3_600_000;
// Days in Asia/Shanghai: 2026-03-01 and 2026-03-02 (NOW is 10:00 on the 2nd).
const DAY1 = Date.UTC(2026, 1, 28, 16);
const DAY2 = Date.UTC(2026, 2, 1, 16);
const DAY3 = Date.UTC(2026, 2, 2, 16);

function statsFixture(): Stats {
  const empty = { entries: 0, exits: 0, averageStayMinutes: null, longestStayMinutes: null, alarmsByRule: {}, alarmsByRoom: {}, unrecordedMinutes: 0, timeLimitBreaches: 0 };
  return {
    period: 'day', timeZone: 'Asia/Shanghai',
    buckets: [
      { start: DAY1, end: DAY2, label: '2026-03-01', ...empty },
      {
        start: DAY2, end: DAY3, label: '2026-03-02', entries: 2, exits: 1, averageStayMinutes: 95, longestStayMinutes: 95,
        alarmsByRule: { missing_security_check: 1, time_limit_exceeded: 1 }, alarmsByRoom: { W1: 2 }, unrecordedMinutes: 12.5, timeLimitBreaches: 1,
      },
    ],
  };
}

beforeAll(() => {
  // jsdom draws nothing: ECharts measures text on a canvas and sizes itself from its box.
  HTMLCanvasElement.prototype.getContext = (() => null) as unknown as typeof HTMLCanvasElement.prototype.getContext;
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 400 });
});
afterEach(cleanup);

function station(): FakeBridge {
  const bridge = new FakeBridge({
    stats: () => statsFixture(),
    persons: (arg) => (arg.status === 'exited' ? [personFixture({ id: 'P9', name: '王五', status: 'exited', exitedAt: DAY2 + 3 * HOUR })] : [personFixture()]),
    alarms: (arg) => (arg.rule === 'unrecorded_interrogation'
      ? [
        alarmFixture({ id: 'AL-OLD', rule: 'unrecorded_interrogation', subject: 'session:S0', raisedAt: DAY1 - 2 * HOUR, resolvedAt: DAY1 - HOUR }),
        alarmFixture({ id: 'AL-OVER', rule: 'unrecorded_interrogation', subject: 'session:S1', raisedAt: DAY2 - HOUR, resolvedAt: DAY2 + 10 * 60_000 }),
      ]
      : [alarmFixture()]),
  });
  renderStation(<StatsScreen />, bridge, NOW, SUPERVISOR);
  return bridge;
}

const lastArg = <K extends 'persons' | 'alarms' | 'stats'>(bridge: FakeBridge, method: K): ApiArg<K> | undefined =>
  bridge.calls.filter((c) => c.method === method).at(-1)?.arg as ApiArg<K> | undefined;

function row(label: string): HTMLElement {
  const tr = document.querySelector<HTMLElement>(`.stats-table tr[data-bucket="${label}"]`);
  if (!tr) throw new Error(`no row ${label}`);
  return tr;
}

async function closeDialog(): Promise<void> {
  fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: T.common.close }));
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
}

/** A click on a chart's bar, as ECharts reports it — once the chart is drawn (an effect after the
 * table shows, so on a loaded machine it can come a moment later). */
async function clickBar(chart: string, seriesId: string, dataIndex: number): Promise<void> {
  const instance = await waitFor(() => {
    const el = document.querySelector<HTMLElement>(`[data-chart=${chart}] .chart`);
    const found = el ? getInstanceByDom(el) : undefined;
    if (!found) throw new Error(`no chart ${chart}`);
    return found;
  });
  act(() => { instance.trigger('click', { componentType: 'series', seriesId, dataIndex } as ECElementEvent); });
}

describe('statistics', () => {
  it('asks for the last two weeks of days in the station\'s zone, and for weeks when the period changes', async () => {
    const bridge = station();
    await screen.findByText(T.stats.table);
    expect(lastArg(bridge, 'stats')).toEqual({ period: 'day', from: Date.UTC(2026, 1, 16, 16), to: DAY3 });
    fireEvent.change(screen.getByLabelText(T.stats.period, { exact: true }), { target: { value: 'week' } });
    await waitFor(() => expect(lastArg(bridge, 'stats')).toMatchObject({ period: 'week', to: DAY3 }));
    await waitFor(() => expect(document.querySelectorAll('.chart svg')).toHaveLength(6));
  });

  it('opens the persons who entered in a period from the table and from the bar', async () => {
    const bridge = station();
    await screen.findByText(T.stats.table);
    fireEvent.click(within(row('2026-03-02')).getAllByRole('button')[0] as HTMLElement);
    const dialog = await screen.findByRole('dialog', { name: T.stats.drill.entries('2026-03-02') });
    await within(dialog).findByText('张三');
    expect(lastArg(bridge, 'persons')).toEqual({ status: 'all', from: DAY2, to: DAY3, limit: 1000 });
    await closeDialog();

    const before = bridge.calls.length;
    await clickBar('entries', 'entries', 1);
    await screen.findByRole('dialog', { name: T.stats.drill.entries('2026-03-02') });
    expect(bridge.calls.slice(before).find((c) => c.method === 'persons')?.arg).toEqual({ status: 'all', from: DAY2, to: DAY3, limit: 1000 });
  });

  it('opens the persons behind a stay by the time they left', async () => {
    const bridge = station();
    await screen.findByText(T.stats.table);
    const [average] = within(row('2026-03-02')).getAllByRole('button', { name: '1小时35分' });
    fireEvent.click(average as HTMLElement);
    await within(await screen.findByRole('dialog')).findByText('王五');
    expect(lastArg(bridge, 'persons')).toEqual({ status: 'exited', exitedFrom: DAY2, exitedTo: DAY3, limit: 1000 });
    await closeDialog();
    await clickBar('stay', 'longestStay', 1);
    await screen.findByRole('dialog', { name: T.stats.drill.stays('2026-03-02') });
  });

  it('opens the alarms of a rule in a period from the stacked bar, and of a room over the range', async () => {
    const bridge = station();
    await screen.findByText(T.stats.table);
    await clickBar('rules', 'time_limit_exceeded', 1);
    await screen.findByRole('dialog', { name: T.stats.drill.rule('2026-03-02', '超过法定时限') });
    expect(lastArg(bridge, 'alarms')).toEqual({ rule: 'time_limit_exceeded', from: DAY2, to: DAY3, limit: 1000 });
    await closeDialog();

    await clickBar('rooms', 'rooms', 0);
    await screen.findByRole('dialog', { name: T.stats.drill.room(T.stats.whole('2026-02-17', '2026-03-02'), '候问室一') });
    expect(lastArg(bridge, 'alarms')).toEqual({ room: 'W1', from: Date.UTC(2026, 1, 16, 16), to: DAY3, limit: 1000 });
  });

  it('lists for unrecorded minutes every unrecorded-interrogation alarm that overlaps the period, also one raised before it', async () => {
    const bridge = station();
    await screen.findByText(T.stats.table);
    fireEvent.click(within(row('2026-03-02')).getByRole('button', { name: '12.5' }));
    const dialog = await screen.findByRole('dialog', { name: T.stats.drill.unrecorded('2026-03-02') });
    await waitFor(() => expect(dialog.querySelectorAll('tr[data-alarm-id]')).toHaveLength(1));
    expect(dialog.querySelector('tr[data-alarm-id]')?.getAttribute('data-alarm-id')).toBe('AL-OVER');
    expect(lastArg(bridge, 'alarms')).toEqual({ rule: 'unrecorded_interrogation', to: DAY3, limit: 1000 });
  });

  it('keeps zeros plain: nothing lies behind them', async () => {
    station();
    await screen.findByText(T.stats.table);
    expect(within(row('2026-03-01')).queryAllByRole('button')).toHaveLength(0);
  });
});
