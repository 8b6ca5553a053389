// Critical alarms beyond the page in the desk window: when the frame flashes and a system
// notification is raised, and what a click on it does — under Node, against the typed fake.
import { describe, expect, it } from 'vitest';
import type { DeskAttention } from '../../common/api.js';
import { T } from '../../common/deskText.js';
import { attentionStep, NO_ATTENTION, serveAttention } from '../../main/electron/attention.js';
import { ATTENTION_CHANNEL } from '../../main/electron/channels.js';
import { fakeElectron } from './fakeElectron.js';

const one: DeskAttention = { critical: 1, lines: ['讯（询）问未录音录像 · 讯问室一'], newest: 'AL000007' };
const two: DeskAttention = { critical: 2, lines: ['人员离开办案区未登记出区 · 张三', ...one.lines], newest: 'AL000009' };
const five: DeskAttention = { critical: 5, lines: ['a', 'b', 'c', 'd', 'e'], newest: 'AL000012' };

describe('when the window draws attention', () => {
  // prev: what the page reported last; seen: the alarms attention was drawn to before.
  it.each([
    ['a first critical alarm, window behind', NO_ATTENTION, [], one, false, { flash: true, notified: true, clear: false }],
    ['a first critical alarm, window in front', NO_ATTENTION, [], one, true, { flash: null, notified: true, clear: false }],
    ['the same alarms again (a reload)', one, ['AL000007'], one, false, { flash: null, notified: false, clear: false }],
    ['a newer one', one, ['AL000007'], two, false, { flash: true, notified: true, clear: false }],
    ['the newest acknowledged, an older one left', two, ['AL000007', 'AL000009'], one, false, { flash: null, notified: false, clear: false }],
    ['all acknowledged', two, ['AL000007', 'AL000009'], NO_ATTENTION, false, { flash: false, notified: false, clear: true }],
    ['nothing before, nothing now', NO_ATTENTION, [], NO_ATTENTION, false, { flash: null, notified: false, clear: false }],
  ] as const)('%s', (_what, prev, seen, next, focused, expected) => {
    const step = attentionStep(prev, next, focused, new Set(seen));
    expect({ flash: step.flash, notified: step.notify !== null, clear: step.clear }).toEqual(expected);
  });

  it('names the first alarms in the notification and counts the rest', () => {
    expect(attentionStep(NO_ATTENTION, five, false, new Set()).notify).toEqual({ title: T.alarmBar.notifyTitle(5), body: `a\nb\nc\n${T.alarmBar.notifyMore(2)}` });
    expect(attentionStep(NO_ATTENTION, two, false, new Set()).notify?.body).toBe(two.lines.join('\n'));
  });
});

describe('the desk window', () => {
  function setUp() {
    const fake = fakeElectron({ userData: '/nonexistent', appPath: '/nonexistent' });
    const win = new fake.module.BrowserWindow({});
    const record = fake.windows[0];
    if (!record) throw new Error('no window');
    const stop = serveAttention(fake.module.ipcMain, win, fake.module.Notification);
    return { fake, record, stop };
  }

  it('flashes its frame and raises a notification whose click brings the window up', () => {
    const { fake, record } = setUp();
    record.minimized = true;
    expect(fake.send(ATTENTION_CHANNEL, one)).toBe(1);
    expect(record.flashes).toEqual([true]);
    expect(fake.notifications).toHaveLength(1);
    expect(fake.notifications[0]).toMatchObject({ shown: true, options: { title: T.alarmBar.notifyTitle(1), body: one.lines[0], urgency: 'critical' } });
    fake.notifications[0]?.click();
    expect(record).toMatchObject({ minimized: false, focused: true, shown: true });
    // Come to the window, the flashing stops.
    expect(record.flashes).toEqual([true, false]);
  });

  it('replaces the notification for a newer alarm and takes it away when all are acknowledged', () => {
    const { fake, record } = setUp();
    fake.send(ATTENTION_CHANNEL, one);
    fake.send(ATTENTION_CHANNEL, one);
    expect(fake.notifications).toHaveLength(1);
    fake.send(ATTENTION_CHANNEL, two);
    expect(fake.notifications.map((n) => n.closed)).toEqual([true, false]);
    // The newest acknowledged: the older one was notified already.
    fake.send(ATTENTION_CHANNEL, one);
    expect(fake.notifications).toHaveLength(2);
    fake.send(ATTENTION_CHANNEL, NO_ATTENTION);
    expect(fake.notifications.map((n) => n.closed)).toEqual([true, true]);
    expect(record.flashes).toEqual([true, true, false]);
  });

  it('still flashes where the system shows no notifications', () => {
    const { fake, record } = setUp();
    fake.notificationsSupported = false;
    try {
      fake.send(ATTENTION_CHANNEL, one);
      expect(record.flashes).toEqual([true]);
      expect(fake.notifications).toEqual([]);
    } finally {
      fake.notificationsSupported = true;
    }
  });

  it('ignores reports from other pages and malformed ones, and stops listening when told', () => {
    const { fake, record, stop } = setUp();
    fake.send(ATTENTION_CHANNEL, one, 'https://evil.example/');
    fake.send(ATTENTION_CHANNEL, { critical: 'many', lines: [], newest: 'X' });
    fake.send(ATTENTION_CHANNEL, { ...one, lines: 'not a list' });
    expect(record.flashes).toEqual([]);
    expect(fake.notifications).toEqual([]);
    fake.send(ATTENTION_CHANNEL, one);
    stop();
    expect(fake.notifications[0]?.closed).toBe(true);
    expect(fake.send(ATTENTION_CHANNEL, two)).toBe(0);
  });
});
