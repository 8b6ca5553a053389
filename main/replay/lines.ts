// Reading a scenario line. Format errors (exit 2) are told apart from events that are merely
// rejected: a line that is a JSON object with a known type and a good time is an event, whatever
// else is wrong with it.
import { isCommandType, type CommandType } from '../../common/commands.js';
import { parseInstant, type Instant } from '../../common/dates.js';

export type ScenarioLine =
  | { kind: 'skip' }
  /** `actor`: the line's own, or REPLAY_ACTOR when it names none. */
  | { kind: 'event'; type: CommandType; at: Instant; actor: string; body: Record<string, unknown> }
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

/** Who a line that names no actor is recorded as done by. */
export const REPLAY_ACTOR = 'replay';

/**
 * A line's actor, read here rather than by the replay: lines of many shapes reach the replay, and
 * reading a field of each there cost a lookup that works for any shape; the station's own
 * wristband reads (readTagReadLine) name none.
 */
function actorOf(body: Record<string, unknown>): string {
  return typeof body.actor === 'string' && body.actor !== '' ? body.actor : REPLAY_ACTOR;
}

const SKIP: ScenarioLine = Object.freeze({ kind: 'skip' });

/** Comments (#…) and blank lines are skipped; they still count in the line numbers. */
function isSkipped(text: string): boolean {
  const first = text.charCodeAt(0);
  return first === 35 /* # */ || (first !== 123 /* { */ && text.trim() === '');
}

/**
 * A wristband read as the station writes it, the bulk of any day: `{"at":…,"type":"tag.read",
 * "reader":…,"tag":…}` with an optional whole `"rssi"`, in that order, without spaces. Its texts
 * hold no quote, backslash or control character, so each is exactly the string JSON.parse would
 * give; the rssi is an integer without leading zeros, whose value Number gives exactly as JSON.parse
 * does (-0 included). The expression has no nested repetition: its time is linear in the line. Matching it is
 * about a quarter of what JSON.parse costs on the same line. Any other line (another order or field,
 * an escape, a space) is read by JSON.parse: the result is the same either way (lines.test.ts).
 *
 * The expression only says whether a line has this shape; its parts are then cut out at the quotes
 * that end them (a text holds none). Taking them from a match made an array of them for every line:
 * about a tenth of what the replay of a move-heavy day allocated.
 */
const TAG_READ_LINE = /^\{"at":"[^"\\\x00-\x1f]*","type":"tag\.read","reader":"[^"\\\x00-\x1f]*","tag":"[^"\\\x00-\x1f]*"(?:,"rssi":-?(?:0|[1-9]\d{0,8}))?\}$/;

/** Where the parts of such a line begin: after the text before each, from the end of the one before. */
const AT_FROM = '{"at":"'.length;
const READER_AFTER_AT = '","type":"tag.read","reader":"'.length;
const TAG_AFTER_READER = '","tag":"'.length;
const RSSI_AFTER_TAG = '","rssi":'.length;

/**
 * The value of the rssi of such a line, text[from, end) (-?(0|[1-9]\d{0,8})): at most nine digits,
 * so the sum is exact, and "-0" gives -0, as JSON.parse and Number do. Number() on the text converts
 * through the runtime, which was about a fiftieth of a move-heavy day's replay.
 */
function wholeOf(text: string, from: number, end: number): number {
  const negative = text.charCodeAt(from) === 45; /* - */
  let n = 0;
  for (let i = negative ? from + 1 : from; i < end; i++) n = n * 10 + (text.charCodeAt(i) - 48);
  return negative ? -n : n;
}

/** A line of TAG_READ_LINE's shape read without JSON.parse, or null when it has another shape. */
export function readTagReadLine(text: string): ScenarioLine | null {
  if (!TAG_READ_LINE.test(text)) return null;
  const atEnd = text.indexOf('"', AT_FROM);
  const readerFrom = atEnd + READER_AFTER_AT;
  const readerEnd = text.indexOf('"', readerFrom);
  const tagFrom = readerEnd + TAG_AFTER_READER;
  const tagEnd = text.indexOf('"', tagFrom);
  const atText = text.slice(AT_FROM, atEnd);
  const at = instantOf(atText);
  if (!at) return null; // JSON.parse's path names what is wrong
  const reader = text.slice(readerFrom, readerEnd);
  const tag = text.slice(tagFrom, tagEnd);
  // No rssi: the tag's closing quote is followed by the closing brace alone.
  const body = tagEnd + 2 === text.length
    ? { at: atText, type: 'tag.read', reader, tag }
    : { at: atText, type: 'tag.read', reader, tag, rssi: wholeOf(text, tagEnd + RSSI_AFTER_TAG, text.length - 1) };
  return { kind: 'event', type: 'tag.read', at, actor: REPLAY_ACTOR, body };
}

/** A line read by JSON.parse, whatever its shape. */
export function readJsonLine(text: string): ScenarioLine {
  if (isSkipped(text)) return SKIP;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { kind: 'format-error', message: `not JSON: ${(err as Error).message}` };
  }
  return readValue(value);
}

/** A line read as the replay reads it. */
export function readLine(text: string): ScenarioLine {
  return readTagReadLine(text) ?? readJsonLine(text);
}

/**
 * Whether a line can be parsed together with others (readLines): it opens an object and has no
 * bracket anywhere (an array, or a bracket in a text, such as a name, takes the line-by-line path).
 */
const joinable = (text: string): boolean => text.charCodeAt(0) === 123 /* { */ && text.indexOf('[') === -1 && text.indexOf(']') === -1;

/**
 * Reads `texts` as readLine reads each of them, into `into` (emptied first): wristband reads of the
 * station's own shape without JSON.parse (readTagReadLine), and of the other lines, with one
 * JSON.parse for all those that can be parsed together (`joinable`): JSON.parse is called once per line
 * otherwise, and its work per call costs as much as a short line's parsing (a day of tag reads is
 * read about a third faster this way). The other lines are read one by one.
 * Why joining cannot mix lines up: they are joined as the elements of one array, a line break and
 * a comma between each. A break cannot stand inside a JSON text (string), so each comma comes
 * outside any; every line opens an object and none has a bracket, so no comma can come inside an
 * object either (an object's comma is followed by a key, not by "{") nor inside an inner array.
 * Each comma then separates elements of the outer array, so each line holds one or more whole
 * values, and as many elements as lines means exactly one each. Anything else (a parse error,
 * another count) has these lines read one by one too, which names the wrong line.
 */
export function readLines(texts: readonly string[], into: ScenarioLine[]): void {
  into.length = 0;
  const joined: string[] = [];
  /** Where each joined line goes in `into`. */
  const places: number[] = [];
  for (const text of texts) {
    const tagRead = readTagReadLine(text);
    if (tagRead !== null) into.push(tagRead);
    else if (isSkipped(text)) into.push(SKIP);
    else if (joinable(text)) {
      joined.push(text);
      places.push(into.length);
      into.push(SKIP); // filled below
    } else into.push(readJsonLine(text));
  }
  if (joined.length === 0) return;
  let values: unknown;
  try {
    values = JSON.parse(`[${joined.join('\n,')}]`);
  } catch {
    values = null;
  }
  const together = Array.isArray(values) && values.length === joined.length ? values : null;
  for (let k = 0; k < joined.length; k++) into[places[k] as number] = together ? readValue(together[k]) : readJsonLine(joined[k] as string);
}

/** A line's JSON value read as a scenario line. */
function readValue(value: unknown): ScenarioLine {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { kind: 'format-error', message: 'not a JSON object' };
  const body = value as Record<string, unknown>;
  // Whether a field is there at all is asked only of a line found wrong (JSON has no undefined).
  const type = body.type;
  if (!isCommandType(type)) return { kind: 'format-error', message: 'type' in body ? `unknown type ${JSON.stringify(type)}` : 'no "type"' };
  const atText = body.at;
  const at = typeof atText === 'string' ? instantOf(atText) : null;
  if (!at) return { kind: 'format-error', message: 'at' in body ? `"at" is not an ISO-8601 time with offset: ${JSON.stringify(atText)}` : 'no "at"' };
  return { kind: 'event', type, at, actor: actorOf(body), body };
}
