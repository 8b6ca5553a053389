// The station API over HTTP, for pages opened in a browser: one POST per call, live changes over
// server-sent events with automatic reconnection.
import { ApiCallError, type ApiArg, type ApiMethod, type ApiResult, type StationBridge } from '../../common/api.js';
import type { ChangeNotice } from '../../common/views.js';

export function httpBridge(base = ''): StationBridge {
  return {
    async invoke<K extends ApiMethod>(method: K, arg: ApiArg<K>): Promise<ApiResult<K>> {
      let res: Response;
      try {
        res = await fetch(`${base}/api/${method}`, {
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
      return body as ApiResult<K>;
    },
    subscribe(onChange, onConnection) {
      let source: EventSource | null = null;
      let retry: ReturnType<typeof setTimeout> | null = null;
      let closed = false;
      const open = (): void => {
        if (closed) return;
        source = new EventSource(`${base}/api/stream`, { withCredentials: true });
        source.addEventListener('hello', () => onConnection?.(true));
        source.addEventListener('change', (e) => onChange(JSON.parse((e as MessageEvent<string>).data) as ChangeNotice));
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
    },
  };
}
