// One call into the onvif package as a promise that settles exactly once: with the package's
// result, or with a CameraError when it reports an error, throws, or says nothing in time.
// (The package can call back twice: once from a parse callback that throws and once from the
// catch around it.)
import { CameraError, classify } from './cameraError.js';

export type CamCallback = (err: Error | null, data?: unknown, answer?: string) => void;

export interface CallResult { data: unknown; answer: string }

export function callCam(action: string, timeoutMs: number, invoke: (cb: CamCallback) => void): Promise<CallResult> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => settle(() => reject(new CameraError('timeout', action, `no answer within ${timeoutMs} ms`))), timeoutMs);
    function settle(f: () => void): void {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      f();
    }
    try {
      invoke((err, data, answer) => settle(() => {
        if (err) reject(classify(action, err, answer));
        else resolve({ data, answer: answer ?? '' });
      }));
    } catch (err) {
      settle(() => reject(classify(action, err, undefined)));
    }
  });
}
