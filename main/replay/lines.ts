// Reading a scenario line. Format errors (exit 2) are told apart from events that are merely
// rejected: a line that is a JSON object with a known type and a good time is an event, whatever
// else is wrong with it.
import { isCommandType, type CommandType } from '../../common/commands.js';
import { parseInstant, type Instant } from '../../common/dates.js';

export type ScenarioLine =
  | { kind: 'skip' }
  | { kind: 'event'; type: CommandType; at: Instant; body: Record<string, unknown> }
  | { kind: 'format-error'; message: string };

// Consecutive lines share their time, or differ from the last one only in its seconds (a busy
// day has a line every second or two): those are read from the last time parsed, which spares
// most lines the full parse. The seconds field (characters 17–18, after "YYYY-MM-DDTHH:MM:")
// adds its value in whole seconds, whatever the date, fraction and offset around it.
let lastAtText = '';
let lastAt: Instant | null = null;
/** lastAt minus its seconds field, when lastAtText has one (NaN when not). */
let lastMinuteMs = Number.NaN;
const SECONDS_AT = 17;

function digit(text: string, i: number): number {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/** The seconds field of an instant text laid out as YYYY-MM-DDTHH:MM:SS…, or -1. */
function secondsField(text: string): number {
  if (text.length < SECONDS_AT + 3 || text.charCodeAt(SECONDS_AT - 1) !== 58 /* : */) return -1;
  const tens = digit(text, SECONDS_AT);
  const ones = digit(text, SECONDS_AT + 1);
  return tens < 0 || ones < 0 ? -1 : tens * 10 + ones;
}

function instantOf(text: string): Instant | null {
  if (text === lastAtText) return lastAt;
  const sameMinute = !Number.isNaN(lastMinuteMs) && text.length === lastAtText.length
    && text.startsWith(lastAtText.slice(0, SECONDS_AT)) && text.endsWith(lastAtText.slice(SECONDS_AT + 2));
  const second = sameMinute ? secondsField(text) : -1;
  lastAtText = text;
  if (second >= 0 && second <= 59 && lastAt !== null) {
    lastAt = { ms: lastMinuteMs + second * 1000, offsetMinutes: lastAt.offsetMinutes };
    return lastAt;
  }
  lastAt = parseInstant(text);
  const parsedSecond = lastAt === null ? -1 : secondsField(text);
  lastMinuteMs = parsedSecond < 0 || lastAt === null ? Number.NaN : lastAt.ms - parsedSecond * 1000;
  return lastAt;
}

export function readLine(text: string): ScenarioLine {
  const first = text.charCodeAt(0);
  if (first === 35 /* # */) return { kind: 'skip' };
  if (first !== 123 /* { */ && text.trim() === '') return { kind: 'skip' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { kind: 'format-error', message: `not JSON: ${(err as Error).message}` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { kind: 'format-error', message: 'not a JSON object' };
  const body = value as Record<string, unknown>;
  // Whether a field is there at all is asked only of a line found wrong (JSON has no undefined).
  const type = body.type;
  if (!isCommandType(type)) return { kind: 'format-error', message: 'type' in body ? `unknown type ${JSON.stringify(type)}` : 'no "type"' };
  const atText = body.at;
  const at = typeof atText === 'string' ? instantOf(atText) : null;
  if (!at) return { kind: 'format-error', message: 'at' in body ? `"at" is not an ISO-8601 time with offset: ${JSON.stringify(atText)}` : 'no "at"' };
  return { kind: 'event', type, at, body };
}
