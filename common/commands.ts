// Every command the station accepts, as zod schemas. The spec's event types are the desk's
// commands too; a few station commands extend them (marked below). A command carries no time:
// the station's clock (live) or the scenario line (replay) supplies it.
import { z } from 'zod';
import {
  BASES, DESTINATIONS, DISPOSITIONS, GENDERS, PERSON_ROLES, READER_ROLES, ROOM_KINDS, SESSION_KINDS, type CorrectableField,
} from './vocab.js';
import { SETTING_NAMES, type SettingName } from './settings.js';
import { isCalendarDate, parseInstant } from './dates.js';
import { CARD_FIELDS, NO_END } from './idCard.js';
import { freeObjectSchema, freeValueSchema, nameSchema, noteSchema, textSchema } from './textLimits.js';

/** An optional field given as null counts as absent. */
function opt<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((v): z.output<T> | undefined => v ?? undefined).optional();
}

const id = z.string().min(1, 'empty');
/** A name: an empty (or blank) string is not a name; bounded (see textLimits). */
const name = nameSchema;
const text = textSchema;
/** A file path the station's own recorders report: not a name, so not bounded like one. */
const path = z.string().refine((s) => s.trim().length > 0, 'empty');
const positiveInt = z.number().int().positive();
const calendarDate = z.string().refine(isCalendarDate, 'date');
const instant = z.string().refine((s) => parseInstant(s) !== null, 'instant');

export const officerSchema = z.object({ id, name, gender: z.enum(GENDERS), tag: opt(id) });

const roomSchema = z.object({
  id, name, kind: z.enum(ROOM_KINDS), capacity: opt(positiveInt),
  recordingRequired: opt(z.boolean()), guardRequired: opt(z.boolean()),
});
const readerSchema = z.object({ id, room: id.nullish().transform((v) => v ?? null), role: z.enum(READER_ROLES) });
const cameraSchema = z.object({ id, room: id });

const settingsSchema = z.record(z.string(), z.number().positive().finite()).superRefine((obj, ctx) => {
  for (const key of Object.keys(obj)) {
    if (!(SETTING_NAMES as string[]).includes(key)) ctx.addIssue({ code: 'custom', path: [key], message: 'unknown_setting' });
  }
}).transform((obj) => obj as Partial<Record<SettingName, number>>);

/** A photo in the data folder, named by its SHA-256 (lower-case hex). */
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'sha256');

/** Which of the entry's fields kept the value read from the resident ID card: CARD_FIELDS, comma-separated. */
const cardFieldList = z.string().refine((s) => s.split(',').every((f) => (CARD_FIELDS as readonly string[]).includes(f)), 'card_fields');

/**
 * Facts of the registration form beyond the spec's fields (填表用; all optional). Station
 * extension: `nation` (民族), `photoSha256` (登记照片), and for a registration from the ID card
 * `fromCard` (the fields that kept the card's values), `cardValidUntil` (YYYY-MM-DD or 长期, so an
 * expired card shows) and `cardPhotoSha256` (the card's WLT photo as read).
 */
const personDetails = z.object({
  idType: opt(text), documentNumber: opt(text), phone: opt(text), household: opt(text), address: opt(text),
  alarmNo: opt(text), caseCause: opt(text), unit: opt(text), note: opt(text),
  nation: opt(text), fromCard: opt(cardFieldList), cardValidUntil: opt(z.union([z.literal(NO_END), calendarDate])),
  photoSha256: opt(sha256), cardPhotoSha256: opt(sha256),
}).partial();

/** The facts of a person that person.enter records and person.correct may put right. */
const personFacts = {
  name, gender: z.enum(GENDERS), birthDate: calendarDate, idNumber: opt(z.string()),
  role: z.enum(PERSON_ROLES), caseNo: opt(text), basis: opt(z.enum(BASES)), tag: opt(id),
};

const personSchema = z.object({ id, ...personFacts, officers: opt(z.array(id)), details: opt(personDetails) });

/** The fields a correction may name (vocab.ts), each validated as at entry. */
const correctionFields = z.strictObject(
  {
    name: opt(personFacts.name), gender: opt(personFacts.gender), birthDate: opt(personFacts.birthDate), idNumber: personFacts.idNumber,
    role: opt(personFacts.role), caseNo: personFacts.caseNo, basis: personFacts.basis, tag: personFacts.tag,
  } satisfies Record<CorrectableField, z.ZodType>,
  { error: (issue) => (issue.code === 'unrecognized_keys' ? 'not_correctable' : undefined) },
).refine((f) => Object.values(f).some((v) => v !== undefined), 'no_fields');

/** area.update: each list given is the whole new list; at least one is given. */
const areaUpdateSchema = z.object({
  rooms: opt(z.array(roomSchema).min(1)), readers: opt(z.array(readerSchema)), cameras: opt(z.array(cameraSchema)),
}).refine((u) => u.rooms !== undefined || u.readers !== undefined || u.cameras !== undefined, 'no_area_lists');

const belongingItem = z.object({
  name, quantity: positiveInt, features: opt(text), caseRelated: opt(z.boolean()), locker: opt(text),
}).catchall(freeValueSchema);

export const commandSchemas = {
  'area.configure': z.object({
    area: z.object({ id, name }),
    rooms: z.array(roomSchema).min(1),
    readers: opt(z.array(readerSchema)),
    cameras: opt(z.array(cameraSchema)),
    officers: opt(z.array(officerSchema)),
    settings: opt(settingsSchema),
  }),
  'area.update': areaUpdateSchema,
  'officer.register': z.object({ officer: officerSchema }),
  'person.enter': z.object({ person: personSchema }),
  'security.check': z.object({
    personId: id, checkers: z.array(id).min(1), doctor: opt(z.boolean()),
    findings: opt(freeObjectSchema),
  }),
  'belongings.store': z.object({ personId: id, items: z.array(belongingItem).min(1), locker: opt(text) }),
  // Station extension: `stored` says whether the items were entered into their databases (入库).
  'info.collect': z.object({ personId: id, items: z.array(name).min(1), stored: opt(z.boolean()) }),
  'tag.read': z.object({ reader: id, tag: id, rssi: opt(z.number()), antenna: opt(z.number().int().nonnegative()) }),
  'person.move': z.object({ who: id, room: id.nullable() }),
  'session.start': z.object({
    sessionId: id, room: id, personId: id, kind: z.enum(SESSION_KINDS), officers: z.array(id).min(1),
    appropriateAdult: opt(name),
    // Station extension: the operator confirmed starting although the room was not being recorded.
    confirmedUnrecorded: opt(z.boolean()),
  }),
  'session.join': z.object({ sessionId: id, officer: opt(id), appropriateAdult: opt(name) }),
  'session.leave': z.object({ sessionId: id, officer: id }),
  'session.end': z.object({ sessionId: id }),
  'camera.status': z.object({ camera: id, online: z.boolean(), recording: z.boolean() }),
  'device.status': z.object({ device: id, online: z.boolean() }),
  'care.meal': z.object({ personId: id, note: opt(text) }),
  'person.extend': z.object({ personId: id, limitHours: positiveInt, approvedBy: id }),
  'person.tempExit': z.object({ personId: id, reason: noteSchema, approvedBy: id, expectedReturnAt: instant }),
  'person.return': z.object({ personId: id }),
  'person.exit': z.object({
    personId: id, destination: z.enum(DESTINATIONS), belongingsReturned: opt(z.boolean()),
    // Station extension: the fate of each stored item (领取/移交/扣押), and who approved the exit.
    belongings: opt(z.array(z.object({ item: id, disposition: z.enum(DISPOSITIONS), note: opt(text) }))),
    approvedBy: opt(id), note: opt(text),
  }),
  // A blank reason counts as none; the decision refuses it with the other rules of a correction.
  'person.correct': z.object({ personId: id, fields: correctionFields, reason: opt(text), approvedBy: id }),
  clock: z.object({}),
  // Station extensions.
  'care.rest': z.object({ personId: id, note: opt(text) }),
  'alarm.ack': z.object({ alarmId: id, note: noteSchema }),
  'area.settings': z.object({ settings: settingsSchema }),
  // Reported by the station's own recorders, never by people.
  'recording.segment': z.object({
    camera: id, path, startedAt: z.number().int().nonnegative(), endedAt: z.number().int().nonnegative(),
    durationMs: z.number().nonnegative(), bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/),
    video: z.boolean(), audio: z.boolean(), videoCodec: opt(text), audioCodec: opt(text),
  }),
  'storage.status': z.object({ path, freeBytes: z.number().nonnegative(), totalBytes: z.number().nonnegative(), low: z.boolean() }),
  // Reported by the station's clock (main/host/stationClock.ts): the wall clock jumped, and station
  // time did not follow; or station time began to adopt a corrected wall clock.
  'clock.jump': z.object({ cause: z.enum(['jump', 'start']), wallBefore: z.number().finite(), wallAfter: z.number().finite() }),
  'clock.adjust': z.object({ mode: z.enum(['step', 'slew']), from: z.number().finite(), to: z.number().finite() }),
  // An officer has seen the clock jumps recorded up to event `upTo` (时钟异常 确认).
  'clock.ack': z.object({ upTo: positiveInt, note: opt(text) }),
  // Written at start after `--restore`: the record was restored from a backup; the damaged one was
  // kept aside, and what the head witness had seen beyond the backup is named.
  'record.restore': z.object({
    backup: path, events: z.number().int().nonnegative(), headHash: z.string().regex(/^[0-9a-f]{64}$/), damaged: opt(text),
    witnessEvents: opt(z.number().int().nonnegative()), witnessHash: opt(z.string().regex(/^[0-9a-f]{64}$/)),
  }),
  // Written by the station when a session's recording left it as evidence (证据导出): what was
  // exported (each file's SHA-256, the source segments, the manifest's hash), the record's head at
  // the time, and who asked — through the desk (the event's actor is the officer) or the command
  // line of the station's computer (its operating-system user). Exported segments are kept for ever.
  'evidence.export': z.object({
    exportId: id, sessionId: id,
    files: z.array(z.object({ name: path, bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })).min(1),
    segments: z.array(positiveInt),
    manifestSha256: z.string().regex(/^[0-9a-f]{64}$/),
    headSeq: z.number().int().nonnegative(), headHash: z.string().regex(/^[0-9a-f]{64}$/),
    via: z.enum(['desk', 'cli']), account: opt(text), osUser: opt(text),
    // Where on the station's disk the export was written (for the desk to offer its files).
    dir: opt(path),
  }),
} as const;

export type CommandType = keyof typeof commandSchemas;
export const COMMAND_TYPES = Object.keys(commandSchemas) as CommandType[];

export type CommandOf<K extends CommandType> = { type: K } & z.output<(typeof commandSchemas)[K]>;
export type Command = { [K in CommandType]: CommandOf<K> }[CommandType];

// A set, asked twice of every line of a replay: a lookup among the schema object's own keys costs more.
const COMMAND_TYPE_SET: ReadonlySet<string> = new Set(COMMAND_TYPES);

export function isCommandType(t: unknown): t is CommandType {
  return typeof t === 'string' && COMMAND_TYPE_SET.has(t);
}
