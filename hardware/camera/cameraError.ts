// Every failure of a camera call becomes one CameraError with a kind the caller can act on and a
// message an installer can read. Nothing the camera sends may crash the station.
import { parseSoapFault, type SoapFault } from './soapFault.js';

export type CameraErrorKind =
  /** No answer within the call's time limit. */
  | 'timeout'
  /** Connection refused, reset, no route, unknown host. */
  | 'unreachable'
  /** The camera refused the user name or password. */
  | 'auth'
  /** The camera does not implement the request. */
  | 'unsupported'
  /** Any other SOAP fault. */
  | 'fault'
  /** An answer that is not the SOAP the request calls for. */
  | 'malformed';

export class CameraError extends Error {
  constructor(readonly kind: CameraErrorKind, readonly action: string, detail: string, readonly fault: SoapFault | null = null) {
    super(`${action}: ${detail}`);
    this.name = 'CameraError';
  }
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EPIPE', 'ECONNABORTED']);

/** Turns what the onvif package reports (an Error and, when there was an answer, its text) into a CameraError. */
export function classify(action: string, err: unknown, answer: string | undefined): CameraError {
  if (err instanceof CameraError) return err;
  const e = err instanceof Error ? err : new Error(String(err));
  const code = (e as NodeJS.ErrnoException).code;
  if (code !== undefined && NETWORK_CODES.has(code)) return new CameraError('unreachable', action, `cannot reach the camera (${code})`);
  if (/^Network timeout$/.test(e.message)) return new CameraError('timeout', action, 'no answer in time');
  if (/^Digest authentication (failed|headers not found)/.test(e.message)) {
    return new CameraError('auth', action, `the camera refused the user name or password (HTTP digest: ${e.message})`);
  }
  const text = answer ?? '';
  const fault = text ? parseSoapFault(text) : null;
  if (fault) {
    const names = [fault.code, ...fault.subcodes].join('/');
    const what = `${names}${fault.reason ? `: ${fault.reason}` : ''}`;
    if (fault.subcodes.some((s) => /NotAuthorized/i.test(s)) || /not ?authori[sz]ed/i.test(fault.reason)) {
      return new CameraError('auth', action, `the camera refused the user name or password (${what})`, fault);
    }
    if (fault.subcodes.some((s) => /ActionNotSupported|NotImplemented/i.test(s)) || /not implemented/i.test(fault.reason)) {
      return new CameraError('unsupported', action, `not supported by the camera (${what})`, fault);
    }
    return new CameraError('fault', action, `SOAP fault ${what}`, fault);
  }
  if (/\b401\b/.test(text) && /unauthori[sz]ed/i.test(text)) return new CameraError('auth', action, 'the camera refused the user name or password (HTTP 401)');
  const began = text.trim().slice(0, 60).replace(/\s+/g, ' ');
  const answerNote = text.trim() === '' ? 'an empty answer' : `an answer beginning "${began}"`;
  // A TypeError is the package's parser reaching for an element the answer lacks.
  const what = e instanceof TypeError ? 'a SOAP answer without the expected content' : 'not a usable SOAP response';
  return new CameraError('malformed', action, `the camera sent ${answerNote}: ${what} (${e.message})`);
}
