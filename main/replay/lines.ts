// Reading a scenario line. Format errors (exit 2) are told apart from events that are merely
// rejected: a line that is a JSON object with a known type and a good time is an event, whatever
// else is wrong with it.
import { isCommandType, type CommandType } from '../../common/commands.js';
import { parseInstant, type Instant } from '../../common/dates.js';

export type ScenarioLine =
  | { kind: 'skip' }
  | { kind: 'event'; type: CommandType; at: Instant; body: Record<string, unknown> }
  | { kind: 'format-error'; message: string };

export function readLine(text: string): ScenarioLine {
  const trimmed = text.trim();
  if (trimmed === '' || text.startsWith('#')) return { kind: 'skip' };
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
  const at = typeof body.at === 'string' ? parseInstant(body.at) : null;
  if (!at) return { kind: 'format-error', message: `"at" is not an ISO-8601 time with offset: ${JSON.stringify(body.at)}` };
  return { kind: 'event', type: body.type, at, body };
}
