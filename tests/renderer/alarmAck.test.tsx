// @vitest-environment jsdom
// Alarms on the page: a new one appears from the change notice itself, a critical one sounds until
// acknowledged, acknowledgement needs a note and sends alarm.ack; the alarm screen filters by rule
// and room.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { T } from '../../common/deskText.js';
import { AlarmsScreen } from '../../renderer/src/screens/alarms/AlarmsScreen.js';
import { AlarmBar } from '../../renderer/src/widgets/AlarmBar.js';
import { alarmFixture, FakeBridge, NOW, overviewFixture, personFixture } from './fakeBridge.js';
import { renderStation } from './renderStation.js';

afterEach(cleanup);

const bar = (): HTMLElement => {
  const el = document.querySelector<HTMLElement>('.alarm-bar');
  if (!el) throw new Error('no alarm bar');
  return el;
};

describe('alarm bar', () => {
  it('shows an alarm from the change notice before the overview is read again, and sounds for it', async () => {
    const bridge = new FakeBridge({ overview: () => overviewFixture({ persons: [personFixture()] }) });
    renderStation(<AlarmBar />, bridge);
    await screen.findByText(T.alarmBar.none);
    // The overview would still be the old one: only the notice knows.
    bridge.on('overview', () => new Promise(() => undefined));
    bridge.emit({ seq: 11, at: NOW, types: ['person.move', 'alarm.raised'], alarms: [alarmFixture()] });
    const line = await screen.findByText('未安检进入功能室');
    expect(line.closest('[data-alarm-id]')?.getAttribute('data-alarm-id')).toBe('AL000001');
    expect(within(bar()).getByText(/张三/)).toBeTruthy();
    expect(bar().dataset.sounding).toBe('true');
  });

  it('needs a note, sends alarm.ack with it, and stops sounding once the station reports the acknowledgement', async () => {
    const alarm = alarmFixture();
    const bridge = new FakeBridge({ overview: () => overviewFixture({ persons: [personFixture()], alarms: [alarm] }) });
    renderStation(<AlarmBar />, bridge);
    await waitFor(() => expect(bar().dataset.sounding).toBe('true'));

    fireEvent.click(within(bar()).getByRole('button', { name: T.alarmBar.ack }));
    const dialog = screen.getByRole('dialog', { name: T.ack.title });
    const note = within(dialog).getByLabelText(T.ack.note, { exact: true });
    expect(document.activeElement).toBe(note);
    fireEvent.click(within(dialog).getByRole('button', { name: T.ack.confirm }));
    expect(await within(dialog).findByText(T.ack.noteRequired)).toBeTruthy();
    expect(bridge.commands()).toHaveLength(0);

    fireEvent.change(note, { target: { value: '已带回安检室补做检查' } });
    fireEvent.click(within(dialog).getByRole('button', { name: T.ack.confirm }));
    await waitFor(() => expect(bridge.commands()).toEqual([{ type: 'alarm.ack', alarmId: 'AL000001', note: '已带回安检室补做检查' }]));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    const acked = { ...alarm, ack: { at: NOW, by: 'E100', note: '已带回安检室补做检查' } };
    bridge.on('overview', () => overviewFixture({ persons: [personFixture()], alarms: [acked], record: { events: 12, headHash: 'cd'.repeat(32) } }));
    bridge.emit({ seq: 12, at: NOW, types: ['alarm.ack'], alarms: [acked] });
    await waitFor(() => expect(bar().dataset.sounding).toBe('false'));
    expect(within(bar()).getByText(T.alarmBar.acked)).toBeTruthy();
  });

  it('shows the station\'s refusal of an acknowledgement in the dialog', async () => {
    const bridge = new FakeBridge({
      overview: () => overviewFixture({ alarms: [alarmFixture()] }),
      submit: () => ({ ok: false, at: NOW, rejection: { code: 'ALARM_ALREADY_ACKED', message: '告警 AL000001 已由 E002 确认', field: 'alarmId' } }),
    });
    renderStation(<AlarmBar />, bridge);
    fireEvent.click(await within(bar()).findByRole('button', { name: T.alarmBar.ack }));
    const dialog = screen.getByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(T.ack.note, { exact: true }), { target: { value: '处置' } });
    fireEvent.click(within(dialog).getByRole('button', { name: T.ack.confirm }));
    expect(await within(dialog).findByText('告警 AL000001 已由 E002 确认')).toBeTruthy();
  });
});

describe('alarm screen', () => {
  it('asks the station for the chosen rule and room, and offers acknowledgement on unacknowledged rows', async () => {
    const bridge = new FakeBridge({
      alarms: () => [alarmFixture(), alarmFixture({ id: 'AL000002', rule: 'no_meal', severity: 'warning', resolvedAt: NOW, ack: { at: NOW, by: 'E001', note: '已送餐' } })],
    });
    renderStation(<AlarmsScreen />, bridge);
    await screen.findByText('已送餐', { exact: false });
    expect(bridge.calls.find((c) => c.method === 'alarms')?.arg).toMatchObject({ active: true });

    fireEvent.change(screen.getByLabelText(T.alarms.rule, { exact: true }), { target: { value: 'missing_security_check' } });
    fireEvent.change(screen.getByLabelText(T.alarms.room, { exact: true }), { target: { value: 'W1' } });
    fireEvent.change(screen.getByLabelText(T.alarms.state, { exact: true }), { target: { value: 'all' } });
    await waitFor(() => expect(bridge.calls.filter((c) => c.method === 'alarms').at(-1)?.arg).toEqual({ rule: 'missing_security_check', room: 'W1', limit: 500 }));

    // The answer to the last query renders after the call is made: wait for its rows.
    await waitFor(() => {
      const rows = document.querySelectorAll('tbody tr');
      expect(rows).toHaveLength(2);
      expect(within(rows[0] as HTMLElement).getByRole('button', { name: T.alarmBar.ack })).toBeTruthy();
      expect(within(rows[1] as HTMLElement).queryByRole('button')).toBeNull();
    });
  });
});
