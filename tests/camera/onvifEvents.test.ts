// PullPoint events against the local SOAP server: captured notifications parsed and sorted,
// renewal after each pull, restart with backoff after a fault, unsubscribe on close.
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { CameraEvent } from '../../hardware/camera/control.js';
import { OnvifCameraControl } from '../../hardware/camera/onvifControl.js';
import { eventKind } from '../../hardware/camera/onvifEvents.js';
import { AXIS_Q6045, HIKVISION, PELCO, type Persona } from '../support/onvifPersonas.js';
import { fixture, OnvifTestServer, type Reply } from '../support/onvifServer.js';

let server: OnvifTestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/** Subscribes and resolves once `until` holds over what has arrived (bounded by timeoutMs). */
async function watch(persona: Persona, until: (events: CameraEvent[], states: string[], keys: string[]) => boolean, override?: Record<string, Reply>) {
  server = await OnvifTestServer.start({ persona, ...(override ? { override } : {}) });
  const srv = server;
  const cam = new OnvifCameraControl({ url: srv.url, timeoutMs: 2000, events: { minPullIntervalMs: 50, retryFirstMs: 50, retryMaxMs: 200 } });
  const events: CameraEvent[] = [];
  const states: string[] = [];
  let check = () => undefined as void;
  const done = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`condition not met; states ${JSON.stringify(states)}, requests ${srv.keys().join(',')}`)), 8000);
    check = () => { if (until(events, states, srv.keys())) { clearTimeout(timer); resolve(); } };
  });
  srv.onRequest = () => check();
  const sub = cam.subscribeEvents({
    event: (e) => { events.push(e); check(); },
    subscription: (s) => { states.push(`${s.subscribed ? 'up' : 'down'}: ${s.reason}`); check(); },
  });
  try {
    await done;
  } finally {
    await sub.close();
  }
  return { events, states, keys: srv.keys() };
}

describe('PullPoint subscription', () => {
  it('delivers a Hikvision camera\'s motion and tampering notifications, renewing after each pull', async () => {
    const { events, states, keys } = await watch(HIKVISION, (_e, _s, k) => k.filter((x) => x === 'Renew').length >= 2);
    const first = events.slice(0, 4);
    expect(first.map((e) => [e.topic, e.kind, e.active])).toEqual([
      ['tns1:VideoSource/MotionAlarm', 'motion', false],
      ['tns1:RuleEngine/CellMotionDetector/Motion', 'motion', false],
      ['tns1:RuleEngine/TamperDetector/Tamper', 'tampering', false],
      ['tns1:VideoSource/ImageTooDark/ImagingService', 'tampering', false],
    ]);
    expect(first[0]).toMatchObject({ at: Date.UTC(2025, 3, 18, 20, 34, 5), operation: 'Initialized', source: { Source: 'VideoSource_1' }, data: { State: 'false' } });
    expect(first[1]?.source).toEqual({ VideoSourceConfigurationToken: 'VideoSourceToken', VideoAnalyticsConfigurationToken: 'VideoAnalyticsToken', Rule: 'MyMotionDetectorRule' });
    expect(states[0]).toBe('up: subscribed');
    expect(states.at(-1)).toBe('down: closed');
    expect(keys.filter((k) => k === 'CreatePullPointSubscription')).toHaveLength(1);
    expect(keys.slice(keys.indexOf('CreatePullPointSubscription'), keys.indexOf('CreatePullPointSubscription') + 5))
      .toEqual(['CreatePullPointSubscription', 'PullMessages', 'Renew', 'PullMessages', 'Renew']);
    expect(keys.at(-1)).toBe('Unsubscribe');
  });

  it('keeps element items and other topics (Pelco monitoring events)', async () => {
    const { events } = await watch(PELCO, (e) => e.length >= 4);
    expect(events[0]).toMatchObject({ topic: 'tns1:Monitoring/ProcessorUsage', kind: 'other', active: null, data: { Value: '0.44' } });
    expect(JSON.parse(events[1]?.data.Link ?? '{}')).toMatchObject({ link: { speed: 100, duplex: 'Full' } });
  });

  it('restarts the subscription with backoff when the camera faults a pull (Axis Q6045-E)', async () => {
    const { states, keys, events } = await watch(AXIS_Q6045, (_e, s) => s.filter((x) => x.startsWith('up')).length >= 2);
    expect(events).toEqual([]);
    expect(states[1]).toMatch(/^down: PullMessages: SOAP fault SOAP-ENV:Sender\/ter:InvalidArgs/);
    // Each failure unsubscribes before subscribing anew.
    const i = keys.indexOf('PullMessages');
    expect(keys.slice(i, i + 3)).toEqual(['PullMessages', 'Unsubscribe', 'CreatePullPointSubscription']);
  });

  it('restarts when a renewal is refused', async () => {
    const refused: Reply = { status: 500, body: fixture('axis-Q6045-E-Fault-PullMessages-InvalidArgs.xml') };
    const { keys, states } = await watch(HIKVISION, (_e, _s, k) => k.filter((x) => x === 'CreatePullPointSubscription').length >= 2, { Renew: refused });
    expect(states).toContain('down: Renew: SOAP fault SOAP-ENV:Sender/ter:InvalidArgs');
    expect(keys.slice(0, 7)).toEqual(['GetSystemDateAndTime', 'GetServices', 'CreatePullPointSubscription', 'PullMessages', 'Renew', 'Unsubscribe', 'CreatePullPointSubscription']);
  });

  it('times out a pull that never returns and tries again', async () => {
    server = await OnvifTestServer.start({ persona: HIKVISION, override: { PullMessages: 'hang' } });
    const cam = new OnvifCameraControl({ url: server.url, timeoutMs: 2000, events: { pullTimeoutMs: 300, retryFirstMs: 50 } });
    const down = await new Promise<string>((resolve) => {
      const sub = cam.subscribeEvents({ event: () => undefined, subscription: (s) => { if (!s.subscribed) void sub.close().then(() => resolve(s.reason)); } });
    });
    expect(down).toBe('PullMessages: no answer within 300 ms');
  });

  it('retries a camera that refuses to create a subscription (Axis Q6045-E fault)', async () => {
    const refused: Reply = { status: 500, body: fixture('axis-Q6045-E-Fault-CreatePullPointSubscription.xml') };
    const { states, keys } = await watch(AXIS_Q6045, (_e, _s, k) => k.filter((x) => x === 'CreatePullPointSubscription').length >= 3, { CreatePullPointSubscription: refused });
    expect(states[0]).toMatch(/^down: CreatePullPointSubscription: SOAP fault SOAP-ENV:Receiver/);
    expect(keys).not.toContain('PullMessages');
  });

  it('subscribes once a camera that was away comes up', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const a = s.address();
        s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
      });
    });
    const cam = new OnvifCameraControl({ url: `http://127.0.0.1:${port}`, timeoutMs: 1000, events: { retryFirstMs: 50, retryMaxMs: 200 } });
    const states: string[] = [];
    let onDown: () => void = () => undefined;
    let onEvent: (e: CameraEvent) => void = () => undefined;
    const wentAway = new Promise<void>((resolve) => { onDown = resolve; });
    const cameBack = new Promise<CameraEvent>((resolve) => { onEvent = resolve; });
    const sub = cam.subscribeEvents({
      event: (e) => onEvent(e),
      subscription: (s) => { states.push(`${s.subscribed ? 'up' : 'down'}: ${s.reason}`); if (!s.subscribed) onDown(); },
    });
    await wentAway;
    server = await OnvifTestServer.start({ persona: HIKVISION, port });
    const first = await cameBack;
    await sub.close();
    expect(states[0]).toMatch(/^down: GetSystemDateAndTime: cannot reach the camera \(ECONNREFUSED\)/);
    expect(states).toContain('up: subscribed');
    expect(first.kind).toBe('motion');
  });
});

describe('topic kinds', () => {
  it.each([
    ['tns1:VideoSource/MotionAlarm', 'motion'],
    ['tns1:RuleEngine/CellMotionDetector/Motion', 'motion'],
    ['tns1:RuleEngine/TamperDetector/Tamper', 'tampering'],
    ['tns1:VideoSource/GlobalSceneChange/ImagingService', 'tampering'],
    ['tns1:VideoSource/ImageTooBlurry/AnalyticsService', 'tampering'],
    ['tns1:RuleEngine/FieldDetector/ObjectsInside', 'other'],
    ['tns1:Monitoring/OperatingTime/LastReboot', 'other'],
  ])('%s is %s', (topic, kind) => expect(eventKind(topic)).toBe(kind));
});
