// Why a command is refused: a stable code for programs, a Chinese message for the desk, an English
// reason for the record's readers (replay output, logs), and the field the desk should highlight.
// Messages and reasons name the offending value.

export type RejectionCode =
  | 'INVALID_FIELD' | 'AREA_NOT_CONFIGURED' | 'AREA_ALREADY_CONFIGURED' | 'DUPLICATE_ID' | 'DUPLICATE_TAG'
  | 'UNKNOWN_PERSON' | 'UNKNOWN_OFFICER' | 'UNKNOWN_ROOM' | 'UNKNOWN_READER' | 'UNKNOWN_CAMERA'
  | 'UNKNOWN_SESSION' | 'UNKNOWN_ALARM' | 'UNKNOWN_ITEM' | 'PERSON_EXITED' | 'BASIS_REQUIRED'
  | 'ID_NUMBER_FORMAT' | 'ID_NUMBER_DATE' | 'ID_NUMBER_CHECK' | 'FEMALE_CHECKER_REQUIRED'
  | 'ROOM_NOT_FOR_SESSION' | 'SESSION_ID_USED' | 'PERSON_IN_SESSION' | 'SESSION_NOT_ACTIVE'
  | 'OFFICER_NOT_IN_SESSION' | 'OFFICER_ALREADY_IN_SESSION' | 'JOIN_NEEDS_ONE' | 'ALREADY_ON_TEMP_EXIT'
  | 'NOT_ON_TEMP_EXIT' | 'EXIT_DURING_SESSION' | 'EXTEND_NOT_ALLOWED' | 'EXTEND_BEYOND_MAX'
  | 'EXTEND_NOT_ABOVE' | 'ALARM_ALREADY_ACKED' | 'ITEM_TWICE' | 'UNKNOWN_ACTOR' | 'STORE_FAILED'
  | 'ROOM_OCCUPIED' | 'ROOM_IN_SESSION' | 'BASIS_AFTER_EXTENSION' | 'TAG_AFTER_EXIT' | 'REASON_REQUIRED'
  | 'NO_CLOCK_JUMP';

export interface Rejection {
  readonly code: RejectionCode;
  /** For the desk (zh-CN). */
  readonly message: string;
  /** For the record's readers: the replay output's `reason`, logs (English). The station always gives it. */
  readonly reason?: string;
  readonly field?: string;
}

/** A refusal as the station makes it: with its English reason. */
export type StationRejection = Rejection & { readonly reason: string };

/** What a refusal says, in both of its languages. */
export interface Said { readonly en: string; readonly zh: string }

/** The reason of a refusal whose caller gave the desk's words only. */
const GENERIC_REASONS: Record<RejectionCode, string> = {
  INVALID_FIELD: 'a field is missing or invalid', AREA_NOT_CONFIGURED: 'the area is not configured',
  AREA_ALREADY_CONFIGURED: 'the area is already configured', DUPLICATE_ID: 'id already in use', DUPLICATE_TAG: 'tag already in use',
  UNKNOWN_PERSON: 'person does not exist', UNKNOWN_OFFICER: 'officer does not exist', UNKNOWN_ROOM: 'room does not exist',
  UNKNOWN_READER: 'reader does not exist', UNKNOWN_CAMERA: 'camera does not exist', UNKNOWN_SESSION: 'session does not exist',
  UNKNOWN_ALARM: 'alarm does not exist', UNKNOWN_ITEM: 'item does not exist', PERSON_EXITED: 'person has exited',
  BASIS_REQUIRED: 'suspect without basis', ID_NUMBER_FORMAT: 'idNumber is not 17 digits and a check character',
  ID_NUMBER_DATE: 'idNumber does not hold a real date in digits 7-14', ID_NUMBER_CHECK: 'idNumber has a wrong check character',
  FEMALE_CHECKER_REQUIRED: 'a female person must be checked by female officers or a doctor',
  ROOM_NOT_FOR_SESSION: 'room is not an interrogation, inquiry or identification room', SESSION_ID_USED: 'sessionId already used',
  PERSON_IN_SESSION: 'person already has an active session', SESSION_NOT_ACTIVE: 'session is not active',
  OFFICER_NOT_IN_SESSION: 'officer is not in the session', OFFICER_ALREADY_IN_SESSION: 'officer is already in the session',
  JOIN_NEEDS_ONE: 'session.join names both or neither of officer and appropriateAdult',
  ALREADY_ON_TEMP_EXIT: 'person is already on a temporary exit', NOT_ON_TEMP_EXIT: 'person is not on a temporary exit',
  EXIT_DURING_SESSION: 'person still has an active session', EXTEND_NOT_ALLOWED: 'the basis cannot be extended',
  EXTEND_BEYOND_MAX: 'limitHours beyond the basis maximum', EXTEND_NOT_ABOVE: 'limitHours not above the current limit',
  ALARM_ALREADY_ACKED: 'alarm already acknowledged', ITEM_TWICE: 'item named twice', UNKNOWN_ACTOR: 'unknown actor',
  STORE_FAILED: 'the record could not be written', ROOM_OCCUPIED: 'room has someone present',
  ROOM_IN_SESSION: 'room has an active session', BASIS_AFTER_EXTENSION: 'basis cannot be corrected after an approved extension',
  TAG_AFTER_EXIT: 'person has exited: no wristband to correct', REASON_REQUIRED: 'a correction needs a reason',
  NO_CLOCK_JUMP: 'no clock jump to acknowledge',
};

/** `said` gives both languages; a plain string is the desk's message, with the code's generic reason. */
export function reject(code: RejectionCode, said: Said | string, field?: string): StationRejection {
  const { en, zh } = typeof said === 'string' ? { en: GENERIC_REASONS[code], zh: said } : said;
  return field === undefined ? { code, message: zh, reason: en } : { code, message: zh, reason: en, field };
}
