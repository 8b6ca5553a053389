// The station API over IPC: one channel per contract method (channels.ts, shared with the
// preload), answered only for the app's own frames, by the same ApiService as the HTTP server.
// The window's sign-in token lives in the main process (windowSignIn.ts); the page never sees it.
import { API_METHODS } from '../../common/api.js';
import type { RecordedEvent } from '../../common/events.js';
import { ApiError, DESK_ADDRESS, type ApiService, type CallContext } from '../api/service.js';
import type { StationHost } from '../host/stationHost.js';
import { changeNotice, linkNotice } from '../server/http.js';
import { CHANGE_CHANNEL, channelOf, type IpcReply } from './channels.js';
import type { DeskIpc, DeskWebContents } from './electronApis.js';
import { isTrustedSender } from './security.js';
import { WindowSignIn } from './windowSignIn.js';

export function serveIpc(
  ipcMain: DeskIpc, host: StationHost, service: ApiService, contents: () => DeskWebContents | null, signIn: WindowSignIn = new WindowSignIn(),
): () => void {
  for (const method of API_METHODS) {
    ipcMain.handle(channelOf(method), async (event, arg: unknown): Promise<IpcReply> => {
      if (!isTrustedSender(event.senderFrame?.url)) throw new Error('refused: not the station page');
      const ctx: CallContext = {
        session: host.accounts.session(signIn.token), token: signIn.token, address: DESK_ADDRESS,
        setToken: (t) => { signIn.token = t ?? undefined; },
      };
      try {
        return { ok: true, value: await service.call(method, arg, ctx) };
      } catch (err) {
        if (err instanceof ApiError) return { ok: false, status: err.status, code: err.code, message: err.message };
        return { ok: false, status: 500, code: 'INTERNAL', message: (err as Error).message };
      }
    });
  }
  const onEvents = (events: RecordedEvent[]): void => {
    const wc = contents();
    if (wc && !wc.isDestroyed()) wc.send(CHANGE_CHANNEL, changeNotice(host, events));
  };
  host.station.on('events', onEvents);
  const onLink = (): void => {
    const wc = contents();
    if (wc && !wc.isDestroyed()) wc.send(CHANGE_CHANNEL, linkNotice(host));
  };
  host.countyLink?.on('change', onLink);
  return () => {
    host.station.off('events', onEvents);
    host.countyLink?.off('change', onLink);
    for (const method of API_METHODS) ipcMain.removeHandler(channelOf(method));
  };
}
