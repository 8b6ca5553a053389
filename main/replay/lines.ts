// Reading a scenario line. Format errors (exit 2) are told apart from events that are merely
// rejected: a line that is a JSON object with a known type and a good time is an event, whatever
// else is wrong with it.
import { isCommandType, type CommandType } from '../../common/commands.js';
import { parseInstant, type Instant } from '../../common/dates.js';

export type ScenarioLine =
  | { kind: 'skip' }
  | { kind: 'event'; type: CommandType; at: Instant; body: Record<string, unknown> }
  | { kind: 'format-error'; message: string };

// Lines of one second share their time: remembering the last one parsed saves most of the work.
let lastAtText = '';
let lastAt: Instant | null = null;
function instantOf(text: string): Instant | null {
  if (text !== lastAtText) {
    lastAtText = text;
    lastAt = parseInstant(text);
  }
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
  if (!('type' in body)) return { kind: 'format-error', message: 'no "type"' };
  if (!isCommandType(body.type)) return { kind: 'format-error', message: `unknown type ${JSON.stringify(body.type)}` };
  if (!('at' in body)) return { kind: 'format-error', message: 'no "at"' };
  const at = typeof body.at === 'string' ? instantOf(body.at) : null;
  if (!at) return { kind: 'format-error', message: `"at" is not an ISO-8601 time with offset: ${JSON.stringify(body.at)}` };
  return { kind: 'event', type: body.type, at, body };
}
