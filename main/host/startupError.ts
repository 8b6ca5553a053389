// A start-up that cannot go on, said to the person at the desk: what is wrong and what to do, in
// Chinese. Every host (Electron dialog, headless console, log file) shows `message` as it is.
export class StartupError extends Error {
  override name = 'StartupError';

  /**
   * @param code a stable identifier for logs and tests (e.g. PORT_TAKEN, RECORD_SHORTENED)
   * @param message what happened and what to do, in Simplified Chinese, with no secret in it
   */
  constructor(readonly code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
