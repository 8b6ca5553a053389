// @vitest-environment jsdom
// The alarm tone and what the bar says about it: a page the browser has not let sound yet says
// 点击启用警报声 (not 警报声响中) until a click or a key resumes the audio; a critical alarm that ends
// unacknowledged stays in the bar as 已解除·待确认 and keeps asking; the window's host is told what
// needs attention, or the tab's title says it.
import { act, cleanup, fireEvent, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DeskAttention } from '../../common/api.js';
import { T } from '../../common/deskText.js';
import { createAlarmAudio, primeOnGestures } from '../../renderer/src/station/alarmAudio.js';
import { liveAlarms } from '../../renderer/src/station/liveAlarms.js';
import { AlarmBar } from '../../renderer/src/widgets/AlarmBar.js';
import { alarmFixture, FakeBridge, NOW, overviewFixture, personFixture } from './fakeBridge.js';
import { renderStation } from './renderStation.js';

/** A browser's AudioContext under an autoplay policy: suspended until resumed from a gesture. */
class PolicyAudioContext extends EventTarget {
  static made = 0;
  state: AudioContextState = 'suspended';
  currentTime = 0;
  destination = {};
  constructor() {
    super();
    PolicyAudioContext.made++;
  }
  resume(): Promise<void> {
    this.state = 'running';
    this.dispatchEvent(new Event('statechange'));
    return Promise.resolve();
  }
  close(): Promise<void> { return Promise.resolve(); }
  createOscillator() { return { type: '', frequency: { value: 0 }, connect: (n: unknown) => n, start: () => undefined, stop: () => undefined }; }
  createGain() { return { gain: { setValueAtTime: () => undefined, exponentialRampToValueAtTime: () => undefined }, connect: (n: unknown) => n }; }
}

beforeAll(() => {
  (window as unknown as { AudioContext: unknown }).AudioContext = PolicyAudioContext;
});
afterEach(cleanup);

const bar = (): HTMLElement => {
  const el = document.querySelector<HTMLElement>('.alarm-bar');
  if (!el) throw new Error('no alarm bar');
  return el;
};

describe('the alarm tone', () => {
  it('asks for a click instead of claiming to sound while the browser keeps the page silent, and sounds once clicked', async () => {
    renderStation(<AlarmBar />, new FakeBridge({ overview: () => overviewFixture({ persons: [personFixture()], alarms: [alarmFixture()] }) }));
    await waitFor(() => expect(bar().dataset.sounding).toBe('true'));
    expect(bar().dataset.audio).toBe('blocked');
    expect(within(bar()).queryByText(T.alarmBar.sounding)).toBeNull();
    fireEvent.click(within(bar()).getByRole('button', { name: T.alarmBar.enableSound }));
    await waitFor(() => expect(bar().dataset.audio).toBe('running'));
    expect(within(bar()).getByText(T.alarmBar.sounding)).toBeTruthy();
    expect(within(bar()).queryByRole('button', { name: T.alarmBar.enableSound })).toBeNull();
  });

  it('is resumed by any key or click on the page (the sign-in click is one)', async () => {
    const audio = createAlarmAudio();
    const stop = primeOnGestures(audio);
    try {
      audio.start();
      expect(audio.state()).toBe('blocked');
      fireEvent.keyDown(window, { key: 'a' });
      await waitFor(() => expect(audio.state()).toBe('running'));
    } finally {
      audio.stop();
      stop();
    }
  });
});

describe('a critical alarm that ends unacknowledged', () => {
  it('moves from the active alarms to those awaiting acknowledgement, and leaves once acknowledged', () => {
    const alarm = alarmFixture({ rule: 'unrecorded_interrogation', subject: 'room:INT1', room: 'INT1' });
    const ended = { ...alarm, resolvedAt: NOW };
    const warningEnded = alarmFixture({ id: 'AL000009', rule: 'no_meal', severity: 'warning', resolvedAt: NOW });
    const after = liveAlarms([alarm], [], [{ seq: 12, alarms: [ended, warningEnded] }]);
    expect(after.active).toEqual([]);
    expect(after.awaiting.map((a) => a.id)).toEqual([alarm.id]);
    const acked = { ...ended, ack: { at: NOW, by: 'E001', note: '已记录' } };
    expect(liveAlarms([], after.awaiting, [{ seq: 13, alarms: [acked] }]).awaiting).toEqual([]);
  });

  it('stays in the bar as 已解除·待确认, still sounding, naming the person and officers with links', async () => {
    const alarm = alarmFixture({
      rule: 'unrecorded_interrogation', subject: 'room:W1', room: 'W1',
      people: { persons: [{ id: 'P1', name: '张三' }], officers: [{ id: 'E001', name: '王建国' }, { id: 'E002', name: '李秀英' }] },
    });
    const bridge = new FakeBridge({ overview: () => overviewFixture({ persons: [personFixture()], alarms: [alarm] }) });
    renderStation(<AlarmBar />, bridge);
    await within(bar()).findByText('讯（询）问未录音录像');
    bridge.on('overview', () => new Promise(() => undefined));
    act(() => bridge.emit({ seq: 11, at: NOW, types: ['session.end', 'alarm.resolved'], alarms: [{ ...alarm, resolvedAt: NOW }] }));
    const line = await waitFor(() => {
      const el = bar().querySelector<HTMLElement>('[data-alarm-id="AL000001"][data-state="awaiting"]');
      if (!el) throw new Error('not awaiting yet');
      return el;
    });
    expect(within(line).getByText(T.alarmBar.awaiting)).toBeTruthy();
    expect(within(line).getByRole('link', { name: '张三' }).getAttribute('href')).toBe('#/person/P1');
    expect(within(line).getByRole('link', { name: '候问室一' }).getAttribute('href')).toBe('#/room/W1');
    expect(line.textContent).toContain('王建国、李秀英');
    expect(within(line).getByRole('button', { name: T.alarmBar.ack })).toBeTruthy();
    expect(bar().dataset.sounding).toBe('true');
  });
});

describe('attention beyond the page', () => {
  it('tells the window\'s host what needs attention, and that nothing does once acknowledged', async () => {
    const told: DeskAttention[] = [];
    const alarm = alarmFixture({ people: { persons: [{ id: 'P1', name: '张三' }], officers: [] } });
    const bridge = new FakeBridge({ overview: () => overviewFixture({ persons: [personFixture()], alarms: [alarm] }) });
    (bridge as FakeBridge & { attention: (s: DeskAttention) => void }).attention = (s) => told.push(s);
    renderStation(<AlarmBar />, bridge);
    await waitFor(() => expect(told.at(-1)).toEqual({ critical: 1, lines: ['未安检进入功能室 · 张三 · 候问室一'], newest: 'AL000001' }));
    act(() => bridge.emit({ seq: 11, at: NOW, types: ['alarm.ack'], alarms: [{ ...alarm, ack: { at: NOW, by: 'E100', note: '已补做' } }] }));
    await waitFor(() => expect(told.at(-1)?.critical).toBe(0));
  });

  it('in a browser, puts the count in the tab\'s title and takes it away again', async () => {
    document.title = '办案区管控工作站';
    const alarm = alarmFixture();
    const bridge = new FakeBridge({ overview: () => overviewFixture({ alarms: [alarm] }) });
    renderStation(<AlarmBar />, bridge);
    await waitFor(() => expect(document.title).toBe(`${T.alarmBar.titleAlert(1)}办案区管控工作站`));
    act(() => bridge.emit({ seq: 11, at: NOW, types: ['alarm.ack'], alarms: [{ ...alarm, ack: { at: NOW, by: 'E100', note: '已补做' } }] }));
    await waitFor(() => expect(document.title).toBe('办案区管控工作站'));
  });
});
