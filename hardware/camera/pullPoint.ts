// A PullPoint event subscription kept alive: create, pull, renew after each pull (Axis does not
// extend a subscription on pull), and on any failure drop it, unsubscribe and create a new one
// with backoff. The onvif package's own loop (`cam.on('event')`) is not used: it re-subscribes
// at once without backoff on a fault and cannot be stopped while a pull is outstanding.
import type { Cam } from 'onvif';
import { CameraError } from './cameraError.js';
import type { EventHandlers, EventSubscription } from './control.js';
import { callCam } from './onvifCall.js';
import { notificationsOf, toCameraEvent } from './onvifEvents.js';
import { backoffMs } from './watchdog.js';

export interface PullPointOptions {
  /** Time limit of create, renew and unsubscribe. */
  callTimeoutMs: number;
  /** Time limit of one PullMessages; the package asks the camera to hold it up to 60 s. */
  pullTimeoutMs: number;
  /** Least time between two pulls, for cameras that answer a pull at once. */
  minPullIntervalMs: number;
  retryFirstMs: number;
  retryMaxMs: number;
}

export const DEFAULT_PULL_OPTIONS: PullPointOptions = {
  callTimeoutMs: 5000,
  pullTimeoutMs: 75_000,
  minPullIntervalMs: 1000,
  retryFirstMs: 1000,
  retryMaxMs: 60_000,
};

/**
 * @param prepare runs before each attempt to subscribe (learning the camera's services); its
 *   failure counts as a failed attempt, so a camera that is away at first is retried.
 */
export function runPullPoint(cam: Cam, handlers: EventHandlers, o: PullPointOptions, prepare: () => Promise<void>): EventSubscription {
  let closed = false;
  let wake: (() => void) | null = null;
  /** Last state reported; null until the first attempt has an outcome. */
  let subscribed: boolean | null = null;
  let haveSubscription = false;

  const sleep = (ms: number) => new Promise<void>((resolve) => {
    const t = setTimeout(() => { wake = null; resolve(); }, ms);
    wake = () => { clearTimeout(t); wake = null; resolve(); };
  });
  const report = (up: boolean, reason: string) => {
    if (up === subscribed) return;
    subscribed = up;
    try {
      handlers.subscription?.({ subscribed: up, reason });
    } catch (err) {
      console.error('event subscription handler threw', err);
    }
  };
  const unsubscribe = async () => {
    if (!haveSubscription) return;
    haveSubscription = false;
    await callCam('Unsubscribe', o.callTimeoutMs, (cb) => cam.unsubscribe(cb, true)).catch(() => undefined);
  };

  const loop = async () => {
    let failures = 0;
    while (!closed) {
      try {
        if (!haveSubscription) {
          await prepare();
          if (closed) break;
          await callCam('CreatePullPointSubscription', o.callTimeoutMs, (cb) => cam.createPullPointSubscription(cb));
          haveSubscription = true;
          if (closed) break;
          report(true, 'subscribed');
        }
        const started = Date.now();
        const { data } = await callCam('PullMessages', o.pullTimeoutMs, (cb) => cam.pullMessages({ messageLimit: 100 }, cb));
        if (closed) break;
        for (const n of notificationsOf(data)) {
          const e = toCameraEvent(n);
          if (!e) continue;
          try {
            handlers.event(e);
          } catch (err) {
            console.error('camera event handler threw', err);
          }
        }
        failures = 0;
        await callCam('Renew', o.callTimeoutMs, (cb) => cam.renew({}, cb));
        await sleep(Math.max(0, started + o.minPullIntervalMs - Date.now()));
      } catch (err) {
        if (closed) break;
        failures++;
        report(false, err instanceof CameraError ? err.message : String(err));
        await unsubscribe();
        // The package may have kept half of a failed subscription; start clean.
        delete cam.events.subscription;
        await sleep(backoffMs(failures, o.retryFirstMs, o.retryMaxMs));
      }
    }
  };
  const running = loop();

  return {
    async close() {
      if (closed) return;
      closed = true;
      wake?.();
      await unsubscribe();
      report(false, 'closed');
      // The loop ends at its next step; an outstanding pull is abandoned, not awaited.
      void running;
    },
  };
}
