// Why a command is refused: a stable code for programs, a Chinese message for the desk, and the
// field the desk should highlight. Messages name the offending value.

export type RejectionCode =
  | 'INVALID_FIELD' | 'AREA_NOT_CONFIGURED' | 'AREA_ALREADY_CONFIGURED' | 'DUPLICATE_ID' | 'DUPLICATE_TAG'
  | 'UNKNOWN_PERSON' | 'UNKNOWN_OFFICER' | 'UNKNOWN_ROOM' | 'UNKNOWN_READER' | 'UNKNOWN_CAMERA'
  | 'UNKNOWN_SESSION' | 'UNKNOWN_ALARM' | 'UNKNOWN_ITEM' | 'PERSON_EXITED' | 'BASIS_REQUIRED'
  | 'ID_NUMBER_FORMAT' | 'ID_NUMBER_DATE' | 'ID_NUMBER_CHECK' | 'FEMALE_CHECKER_REQUIRED'
  | 'ROOM_NOT_FOR_SESSION' | 'SESSION_ID_USED' | 'PERSON_IN_SESSION' | 'SESSION_NOT_ACTIVE'
  | 'OFFICER_NOT_IN_SESSION' | 'OFFICER_ALREADY_IN_SESSION' | 'JOIN_NEEDS_ONE' | 'ALREADY_ON_TEMP_EXIT'
  | 'NOT_ON_TEMP_EXIT' | 'EXIT_DURING_SESSION' | 'EXTEND_NOT_ALLOWED' | 'EXTEND_BEYOND_MAX'
  | 'EXTEND_NOT_ABOVE' | 'ALARM_ALREADY_ACKED' | 'ITEM_TWICE' | 'UNKNOWN_ACTOR' | 'STORE_FAILED'
  | 'NO_CLOCK_JUMP';

export interface Rejection { readonly code: RejectionCode; readonly message: string; readonly field?: string }

export function reject(code: RejectionCode, message: string, field?: string): Rejection {
  return field === undefined ? { code, message } : { code, message, field };
}
