// Critical alarms beyond the page, in the desk window: the page reports what needs attention
// (DeskAttention, on ATTENTION_CHANNEL); a new unacknowledged critical alarm flashes the frame of
// a window that is not in front and raises a system notification whose click brings the window
// up. When nothing needs attention any more, the flashing stops and the notification goes.
// Plain Node over the typed Electron parts (electronApis.ts), so it is tested without Electron.
import { z } from 'zod';
import type { DeskAttention } from '../../common/api.js';
import { T } from '../../common/deskText.js';
import { NAME_MAX, TEXT_MAX } from '../../common/textLimits.js';
import { ATTENTION_CHANNEL } from './channels.js';
import type { DeskElectron, DeskIpc, DeskNotification, DeskWindow } from './electronApis.js';
import { isTrustedSender } from './security.js';

/** A notification shows the first few alarms; the rest are counted. */
const NOTIFY_LINES = 3;
/** How many alarm ids are remembered as notified (far more than can be active at once). */
const SEEN_MAX = 1000;

const attentionSchema = z.object({
  critical: z.number().int().min(0).max(1_000_000),
  lines: z.array(z.string().max(TEXT_MAX)).max(10_000),
  newest: z.string().min(1).max(NAME_MAX).nullable(),
});

export const NO_ATTENTION: DeskAttention = { critical: 0, lines: [], newest: null };

export interface AttentionStep {
  /** Start (true) or stop (false) flashing the frame; null: leave it as it is. */
  readonly flash: boolean | null;
  /** A notification to raise (replacing the last one); null: none. */
  readonly notify: { readonly title: string; readonly body: string } | null;
  /** Take away the last notification: nothing needs attention any more. */
  readonly clear: boolean;
}

/**
 * What the window does when the page reports `next` after `prev`; `seen`: the alarms it has drawn
 * attention to before. Only an alarm never seen draws attention: the same alarms reported again
 * (a reload, another page) or an older one left when the newest is acknowledged do not.
 */
export function attentionStep(prev: DeskAttention, next: DeskAttention, focused: boolean, seen: ReadonlySet<string>): AttentionStep {
  if (next.critical === 0 || next.newest === null) {
    const was = prev.critical > 0 && prev.newest !== null;
    return { flash: was ? false : null, notify: null, clear: was };
  }
  if (next.newest === prev.newest || seen.has(next.newest)) return { flash: null, notify: null, clear: false };
  const shown = next.lines.slice(0, NOTIFY_LINES);
  const rest = next.critical - shown.length;
  const body = [...shown, ...(rest > 0 ? [T.alarmBar.notifyMore(rest)] : [])].join('\n');
  return { flash: focused ? null : true, notify: { title: T.alarmBar.notifyTitle(next.critical), body }, clear: false };
}

/** Answers the page's reports for `win`; returns the function that stops listening. */
export function serveAttention(ipcMain: DeskIpc, win: DeskWindow, notifications: DeskElectron['Notification']): () => void {
  let shown = NO_ATTENTION;
  let current: DeskNotification | null = null;
  const seen = new Set<string>();
  const bringUp = (): void => {
    if (win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  };
  // The officer has come to the window: the bar and the tone take over from the frame.
  win.on('focus', () => { if (!win.isDestroyed()) win.flashFrame(false); });

  const onReport = (event: { readonly senderFrame?: { readonly url: string } | null }, arg: unknown): void => {
    if (!isTrustedSender(event.senderFrame?.url)) return;
    const parsed = attentionSchema.safeParse(arg);
    if (!parsed.success || win.isDestroyed()) return;
    const step = attentionStep(shown, parsed.data, win.isFocused(), seen);
    shown = parsed.data;
    if (shown.newest !== null) {
      seen.add(shown.newest);
      // A Set iterates in insertion order: the oldest id goes first.
      if (seen.size > SEEN_MAX) seen.delete(seen.values().next().value ?? '');
    }
    if (step.flash !== null) win.flashFrame(step.flash);
    if (step.clear || step.notify) {
      current?.close();
      current = null;
    }
    if (step.notify && notifications.isSupported()) {
      const n = new notifications({ title: step.notify.title, body: step.notify.body, urgency: 'critical', timeoutType: 'never' });
      n.on('click', bringUp);
      n.show();
      current = n;
    }
  };
  ipcMain.on(ATTENTION_CHANNEL, onReport);
  return () => {
    ipcMain.removeListener(ATTENTION_CHANNEL, onReport);
    current?.close();
    current = null;
  };
}
