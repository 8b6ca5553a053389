// The station API over HTTP, for pages opened in a browser: one POST per call, live changes over
// server-sent events with automatic reconnection. The county platform's pages use the same two
// pieces for its own API.
import { ApiCallError, type ApiArg, type ApiMethod, type ApiResult, type StationBridge } from '../../common/api.js';
import type { ChangeNotice } from '../../common/views.js';

/** One POST of a JSON argument; the server's refusal becomes an ApiCallError with its message. */
export async function postJson<T>(url: string, arg: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify(arg ?? {}),
    });
  } catch {
    throw new ApiCallError(0, 'UNREACHABLE', '无法连接工作站，请检查工作站是否在运行');
  }
  const body = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const err = (body ?? {}) as { code?: string; message?: string };
    throw new ApiCallError(res.status, err.code ?? 'ERROR', err.message ?? `工作站返回错误 ${res.status}`);
  }
  return body as T;
}

/** Server-sent `change` events from `url`, reconnecting after a refusal; returns the unsubscribe. */
export function subscribeChanges<T>(url: string, onChange: (notice: T) => void, onConnection?: (connected: boolean) => void): () => void {
  let source: EventSource | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let closed = false;
  const open = (): void => {
    if (closed) return;
    source = new EventSource(url, { withCredentials: true });
    source.addEventListener('hello', () => onConnection?.(true));
    source.addEventListener('change', (e) => onChange(JSON.parse((e as MessageEvent<string>).data) as T));
    source.onerror = () => {
      onConnection?.(false);
      // EventSource retries by itself unless the server refused (e.g. 401); then we retry.
      if (source?.readyState === EventSource.CLOSED) {
        source = null;
        retry = setTimeout(open, 2000);
      }
    };
  };
  open();
  return () => {
    closed = true;
    if (retry) clearTimeout(retry);
    source?.close();
  };
}

export function httpBridge(base = ''): StationBridge {
  return {
    invoke: <K extends ApiMethod>(method: K, arg: ApiArg<K>): Promise<ApiResult<K>> => postJson<ApiResult<K>>(`${base}/api/${method}`, arg),
    subscribe: (onChange, onConnection) => subscribeChanges<ChangeNotice>(`${base}/api/stream`, onChange, onConnection),
  };
}
