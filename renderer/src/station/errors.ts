import { ApiCallError } from '../../../common/api.js';
import { T } from '../../../common/deskText.js';

/** The signed-in session ended (expired, or signed out elsewhere): the page must sign in again. */
export function isSignedOut(err: unknown): boolean {
  return err instanceof ApiCallError && err.status === 401;
}

export function errorMessage(err: unknown): string {
  return err instanceof Error && err.message ? err.message : T.common.unknownError;
}
