// @vitest-environment jsdom
// The alarm screen: a range of days filters what the station is asked for; warnings can be
// acknowledged several at once with one note (critical alarms never); each acknowledgement is its
// own command; the advice of the rule and its common notes are offered.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ALARM_ADVICE } from '../../common/alarmAdvice.js';
import { T } from '../../common/deskText.js';
import { AlarmsScreen } from '../../renderer/src/screens/alarms/AlarmsScreen.js';
import { alarmFixture, FakeBridge, NOW, overviewFixture } from './fakeBridge.js';
import { renderStation } from './renderStation.js';

afterEach(cleanup);

const meal = (id: string) => alarmFixture({ id, rule: 'no_meal', severity: 'warning', subject: `person:${id}`, raisedAt: NOW - 3_600_000 });

describe('alarm screen', () => {
  it('asks for the alarms of a range of days once both dates are given', async () => {
    const bridge = new FakeBridge();
    renderStation(<AlarmsScreen />, bridge);
    await screen.findByText(T.alarms.none);
    fireEvent.change(screen.getByLabelText(T.stats.from, { exact: true }), { target: { value: '20260301' } });
    fireEvent.change(screen.getByLabelText(T.stats.to, { exact: true }), { target: { value: '2026-03-02' } });
    // 2026-03-01 00:00 to 2026-03-03 00:00 in Asia/Shanghai.
    await waitFor(() => expect(bridge.calls.filter((c) => c.method === 'alarms').at(-1)?.arg)
      .toEqual({ active: true, from: Date.UTC(2026, 1, 28, 16), to: Date.UTC(2026, 2, 2, 16), limit: 500 }));
  });

  it('shows the critical alarms that ended unacknowledged among the active ones, to be acknowledged', async () => {
    const ended = alarmFixture({ id: 'C9', rule: 'unrecorded_interrogation', subject: 'room:W1', resolvedAt: NOW - 60_000 });
    const bridge = new FakeBridge({ overview: () => overviewFixture({ awaitingAck: [ended] }), alarms: () => [] });
    renderStation(<AlarmsScreen />, bridge);
    const row = await waitFor(() => {
      const el = document.querySelector<HTMLElement>('tr[data-alarm-id=C9]');
      if (!el) throw new Error('not shown');
      return el;
    });
    expect(within(row).getByText(T.alarmBar.awaiting)).toBeTruthy();
    expect(within(row).getByRole('button', { name: T.alarmBar.ack })).toBeTruthy();
  });

  it('acknowledges the chosen warnings with one note, one command each, and offers no bulk for critical alarms', async () => {
    const alarms = [meal('A1'), meal('A2'), meal('A3'), alarmFixture({ id: 'C1' })];
    const bridge = new FakeBridge({ alarms: () => alarms });
    renderStation(<AlarmsScreen />, bridge);
    const all = await screen.findByRole('checkbox', { name: T.alarms.pickAllWarnings(3) });
    // The critical row has no box to tick.
    expect(within(document.querySelector('tr[data-alarm-id=C1]') as HTMLElement).queryByRole('checkbox')).toBeNull();
    fireEvent.click(all);
    fireEvent.click(screen.getAllByRole('checkbox').find((b) => b.closest('tr')?.getAttribute('data-alarm-id') === 'A2') as HTMLElement);
    fireEvent.click(screen.getByRole('button', { name: T.alarms.bulkAck(2) }));
    const dialog = screen.getByRole('dialog', { name: T.ack.bulkTitle });
    expect(dialog.textContent).toContain(ALARM_ADVICE.no_meal.advice);
    fireEvent.click(within(dialog).getByRole('button', { name: T.ack.bulkConfirm(2) }));
    expect(await within(dialog).findByText(T.ack.noteRequired)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: ALARM_ADVICE.no_meal.notes[0] }));
    fireEvent.click(within(dialog).getByRole('button', { name: T.ack.bulkConfirm(2) }));
    await waitFor(() => expect(bridge.commands()).toEqual([
      { type: 'alarm.ack', alarmId: 'A1', note: ALARM_ADVICE.no_meal.notes[0] },
      { type: 'alarm.ack', alarmId: 'A3', note: ALARM_ADVICE.no_meal.notes[0] },
    ]));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('lists the acknowledgements the station refused, and keeps the dialog open', async () => {
    const bridge = new FakeBridge({
      alarms: () => [meal('A1'), meal('A2')],
      submit: ({ command }) => ((command as { alarmId: string }).alarmId === 'A2'
        ? { ok: false, at: NOW, rejection: { code: 'ALARM_ALREADY_ACKED', message: '告警 A2 已由 E002 确认', field: 'alarmId' } }
        : { ok: true, at: NOW, seq: 12, alarms: [] }),
    });
    renderStation(<AlarmsScreen />, bridge);
    fireEvent.click(await screen.findByRole('checkbox', { name: T.alarms.pickAllWarnings(2) }));
    fireEvent.click(screen.getByRole('button', { name: T.alarms.bulkAck(2) }));
    const dialog = screen.getByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(T.ack.note, { exact: true }), { target: { value: '已安排就餐' } });
    fireEvent.click(within(dialog).getByRole('button', { name: T.ack.bulkConfirm(2) }));
    expect(await within(dialog).findByText(T.ack.bulkFailed(1))).toBeTruthy();
    expect(within(dialog).getByText('告警 A2 已由 E002 确认', { exact: false })).toBeTruthy();
  });
});
