// TCP links to serial servers (USR-TCP232, ZLAN and similar converters, or readers with a
// network port). Keep-alive probes find a converter that lost power without closing; the
// reader manager's watchdog finds one whose reader stopped talking.
import { connect } from 'node:net';
import { messageOf, type Connector } from './link.js';

const CONNECT_TIMEOUT_MS = 3000;
const KEEPALIVE_MS = 5000;

export function tcpConnector(host: string, port: number): Connector {
  return (events) => new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    let connected = false;
    let done = false;
    let lastError: Error | null = null;
    socket.setNoDelay(true);
    socket.setTimeout(CONNECT_TIMEOUT_MS, () => socket.destroy(new Error(`no answer within ${CONNECT_TIMEOUT_MS} ms`)));
    socket.on('error', (err) => {
      lastError = err;
    });
    socket.on('close', () => {
      if (!connected) {
        reject(lastError ?? new Error('connection closed'));
        return;
      }
      if (done) return;
      done = true;
      events.closed(lastError ? `connection lost: ${messageOf(lastError)}` : 'connection closed by peer');
    });
    socket.on('data', (chunk: Buffer) => events.data(chunk));
    socket.once('connect', () => {
      connected = true;
      socket.setTimeout(0);
      socket.setKeepAlive(true, KEEPALIVE_MS);
      resolve({
        write: (bytes) => new Promise((ok, fail) => {
          socket.write(bytes, (e) => (e ? fail(e) : ok()));
        }),
        close: () => new Promise((ok) => {
          done = true;
          if (socket.destroyed) {
            ok();
            return;
          }
          socket.once('close', () => ok());
          socket.destroy();
        }),
      });
    });
  });
}
