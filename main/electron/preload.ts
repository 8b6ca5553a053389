// The only thing the page gets: window.station, a StationBridge over IPC. Never ipcRenderer itself.
// Bundled to CommonJS (dist/electron/preload.cjs): a sandboxed preload may require only electron.
import { contextBridge, ipcRenderer } from 'electron';
import { ApiCallError, type ApiArg, type ApiMethod, type ApiResult, type DeskAttention, type StationBridge } from '../../common/api.js';
import type { ChangeNotice } from '../../common/views.js';
import { ATTENTION_CHANNEL, CHANGE_CHANNEL, channelOf, type IpcReply } from './channels.js';

const bridge = {
  async invoke<K extends ApiMethod>(method: K, arg: ApiArg<K>): Promise<ApiResult<K>> {
    const reply = (await ipcRenderer.invoke(channelOf(method), arg)) as IpcReply;
    // Only an Error's message crosses the context bridge, so the status and code ride in it;
    // renderer/api/bridge.ts turns it back into an ApiCallError.
    if (!reply.ok) throw new ApiCallError(reply.status, reply.code, JSON.stringify({ status: reply.status, code: reply.code, message: reply.message }));
    return reply.value as ApiResult<K>;
  },
  subscribe(onChange: (n: ChangeNotice) => void, onConnection?: (connected: boolean) => void): () => void {
    const listener = (_e: unknown, notice: ChangeNotice): void => onChange(notice);
    ipcRenderer.on(CHANGE_CHANNEL, listener);
    onConnection?.(true);
    return () => { ipcRenderer.removeListener(CHANGE_CHANNEL, listener); };
  },
  // The window flashes and a system notification is raised by the main process (attention.ts).
  attention(state: DeskAttention): void {
    ipcRenderer.send(ATTENTION_CHANNEL, state);
  },
} satisfies StationBridge;

contextBridge.exposeInMainWorld('station', bridge);
