// Turns a PullMessages notification (as the onvif package parsed it) into a CameraEvent, and
// sorts the topics the station cares about: motion and tampering (lens covered, camera moved,
// picture too dark or blurred: ONVIF lists those under VideoSource as tamper detection).
import { z } from 'zod';
import type { CameraEvent, CameraEventKind } from './control.js';

const text = z.union([z.string(), z.number(), z.boolean(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString() : String(v)).trim());
const item = z.object({ $: z.object({ Name: text, Value: text.optional() }).loose() }).loose();
const items = z.union([z.array(item), item]).transform((v) => (Array.isArray(v) ? v : [v]));
const group = z.object({ simpleItem: items.optional(), elementItem: items.optional() }).loose();

const notification = z.object({
  topic: z.union([text, z.object({ _: text }).loose()]),
  message: z.object({
    message: z.object({
      $: z.object({ UtcTime: z.union([z.date(), z.string()]).optional(), PropertyOperation: text.optional() }).loose().optional(),
      source: group.optional().catch(undefined),
      data: group.optional().catch(undefined),
    }).loose(),
  }).loose(),
}).loose();

const MOTION = /MotionAlarm|MotionDetector|\/Motion$|VMD/i;
const TAMPERING = /Tamper|GlobalSceneChange|ImageTooBlurry|ImageTooDark|ImageTooBright|SignalLoss/i;
/** Data items that carry the on/off state of motion or tampering, by vendor habit. */
const STATE_ITEMS = ['IsMotion', 'IsTamper', 'State', 'LogicalState', 'active'];

export function eventKind(topic: string): CameraEventKind {
  if (TAMPERING.test(topic)) return 'tampering';
  if (MOTION.test(topic)) return 'motion';
  return 'other';
}

/** One notification, or null when it is not a notification at all. */
export function toCameraEvent(raw: unknown): CameraEvent | null {
  const r = notification.safeParse(raw);
  if (!r.success) return null;
  const n = r.data;
  const topic = typeof n.topic === 'string' ? n.topic : n.topic._;
  const m = n.message.message;
  const data = flatten(m.data);
  const stateItem = STATE_ITEMS.find((k) => data[k] === 'true' || data[k] === 'false');
  const utc = m.$?.UtcTime;
  const at = utc instanceof Date ? utc.getTime() : utc ? Date.parse(utc) : Number.NaN;
  return {
    topic,
    kind: eventKind(topic),
    active: stateItem ? data[stateItem] === 'true' : null,
    at: Number.isFinite(at) ? at : null,
    operation: m.$?.PropertyOperation ?? null,
    source: flatten(m.source),
    data,
  };
}

function flatten(g: z.output<typeof group> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of g?.simpleItem ?? []) out[i.$.Name] = i.$.Value ?? '';
  for (const i of g?.elementItem ?? []) {
    const { $: _attrs, ...content } = i;
    out[i.$.Name] = JSON.stringify(content);
  }
  return out;
}

/** The notifications of a PullMessages answer, one or many. */
export function notificationsOf(data: unknown): unknown[] {
  const r = z.object({ notificationMessage: z.unknown().optional() }).loose().safeParse(data);
  const n = r.success ? r.data.notificationMessage : undefined;
  if (n === undefined || n === '') return [];
  return Array.isArray(n) ? n : [n];
}
