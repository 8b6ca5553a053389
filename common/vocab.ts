// The closed vocabularies of the custody record (see the replay contract). They are the single
// source for validation, for exhaustive switches and for the Chinese labels in messages.ts.

export const ROOM_KINDS = [
  'registration', 'security_check', 'collection', 'waiting', 'interrogation', 'inquiry',
  'identification', 'locker', 'medical', 'toilet', 'corridor',
] as const;
export type RoomKind = (typeof ROOM_KINDS)[number];

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];

export const PERSON_ROLES = ['suspect', 'witness', 'victim', 'other'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

export const BASES = [
  'criminal_summons', 'compelled_appearance', 'admin_summons', 'interrogation_stop',
  'criminal_detention', 'voluntary',
] as const;
export type Basis = (typeof BASES)[number];

export const DESTINATIONS = [
  'released', 'detention_center', 'administrative_detention', 'bail', 'residential_surveillance',
  'transferred', 'hospital', 'other',
] as const;
export type Destination = (typeof DESTINATIONS)[number];

export const SESSION_KINDS = ['interrogation', 'inquiry', 'identification'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export const READER_ROLES = ['room', 'exit'] as const;
export type ReaderRole = (typeof READER_ROLES)[number];

/** The wristband readers' protocols the station speaks (hardware/rfid/README.md). */
export const READER_PROTOCOLS = ['em4100', 'r2000', 'chafon'] as const;
export type ReaderProtocol = (typeof READER_PROTOCOLS)[number];

/** What happened to one stored item when its owner left. */
export const DISPOSITIONS = ['returned', 'transferred', 'retained'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/** The facts of a registration that a correction (更正, person.correct) may put right. */
export const CORRECTABLE_FIELDS = ['name', 'gender', 'birthDate', 'idNumber', 'role', 'caseNo', 'basis', 'tag'] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

/** The checklist of 信息采集 offered by the desk; the record accepts any non-empty item name. */
export const COLLECTION_ITEMS = ['fingerprint', 'dna', 'portrait', 'urine', 'blood', 'voiceprint', 'iris', 'footprint'] as const;

export const CARE_KINDS = ['meal', 'water', 'rest', 'medical', 'toilet'] as const;
export type CareKind = (typeof CARE_KINDS)[number];

/** Rooms in which a questioning session may take place. */
export const SESSION_ROOM_KINDS: readonly RoomKind[] = ['interrogation', 'inquiry', 'identification'];

export function recordingRequiredByDefault(kind: RoomKind): boolean {
  return kind === 'interrogation' || kind === 'inquiry' || kind === 'identification';
}

export function guardRequiredByDefault(kind: RoomKind): boolean {
  return kind === 'registration' || kind === 'security_check' || kind === 'collection'
    || kind === 'interrogation' || kind === 'inquiry' || kind === 'identification';
}
