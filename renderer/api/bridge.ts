// The bridge this page uses: Electron's preload exposes one as window.station; in a browser the
// HTTP bridge is used.
import { ApiCallError, type ApiArg, type ApiMethod, type ApiResult, type StationBridge } from '../../common/api.js';
import { httpBridge } from './httpBridge.js';

declare global {
  interface Window { station?: StationBridge }
}

/** Errors from the preload arrive as plain Errors whose message carries status, code and text. */
export function decodeBridgeError(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  const json = err.message.slice(err.message.indexOf('{'));
  try {
    const e = JSON.parse(json) as { status?: unknown; code?: unknown; message?: unknown };
    if (typeof e.status === 'number' && typeof e.code === 'string' && typeof e.message === 'string') return new ApiCallError(e.status, e.code, e.message);
  } catch { /* not an encoded station error */ }
  return err;
}

function electronBridge(inner: StationBridge): StationBridge {
  return {
    async invoke<K extends ApiMethod>(method: K, arg: ApiArg<K>): Promise<ApiResult<K>> {
      try {
        return await inner.invoke(method, arg);
      } catch (err) {
        throw decodeBridgeError(err);
      }
    },
    subscribe: (onChange, onConnection) => inner.subscribe(onChange, onConnection),
    // The window's host draws attention to critical alarms (flash, notification) when it offers to.
    ...(inner.attention ? { attention: inner.attention.bind(inner) } : {}),
  };
}

export function stationBridge(): StationBridge {
  return window.station ? electronBridge(window.station) : httpBridge();
}
