// The events of the custody record. An accepted command becomes one event of the same type whose
// payload is the validated command plus the facts the station derived when it accepted it (so a
// reader of the record a year later needs no rule of today to understand it). The rule engine
// adds alarm transitions.
import type { CommandOf, CommandType } from './commands.js';
import type { CorrectableField } from './vocab.js';
import type { AlarmRule, Severity } from './alarms.js';
import type { Disposition } from './vocab.js';

type RecordedCommandType = Exclude<CommandType, 'clock'>;

/** The value of a corrected field before or after its correction; null: none was recorded. */
export type CorrectionValues = { [K in CorrectableField]?: string | null };

/** What an area.update took out of the area (ids), so that the record says it without a replay. */
export interface AreaRemovals { rooms: string[]; readers: string[]; cameras: string[] }

interface Derived {
  'person.enter': { minor: boolean; limitHours: number | null; entryDate: string };
  'area.update': { removed: AreaRemovals };
  /** `previous`: each corrected field's value before; `minor` and `limitHours` as they stand after it. */
  'person.correct': { previous: CorrectionValues; minor: boolean; limitHours: number | null };
  'belongings.store': { itemIds: string[] };
  'person.exit': { dispositions: { item: string; disposition: Disposition; note?: string }[] };
}

type CommandPayload<K extends RecordedCommandType> = Omit<CommandOf<K>, 'type'> & (K extends keyof Derived ? Derived[K] : unknown);

export interface AlarmRaisedPayload { alarmId: string; rule: AlarmRule; subject: string; severity: Severity; dueAt: number }
export interface AlarmResolvedPayload { alarmId: string; rule: AlarmRule; subject: string; severity: Severity }

export type EventPayloads = { [K in RecordedCommandType]: CommandPayload<K> } & {
  'alarm.raised': AlarmRaisedPayload;
  'alarm.resolved': AlarmResolvedPayload;
};

export type EventType = keyof EventPayloads;

export type DomainEvent = { [K in EventType]: { type: K; payload: EventPayloads[K] } }[EventType];

/** An event as stored: its place in the chain, its time (UTC ms) and who caused it. */
export type RecordedEvent = DomainEvent & { seq: number; at: number; actor: string };

/** Actors that are not officers. */
export const SYSTEM_ACTOR = 'system';
