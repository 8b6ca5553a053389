// Is the camera there? One RTSP OPTIONS request on a fresh TCP connection. Any RTSP answer
// (even 401) means the camera is reachable; a refused connection, a timeout or a non-RTSP reply
// means it is not. Cheap enough to repeat every second while a camera is away.
import { connect } from 'node:net';

export type RtspProbeResult = { ok: true; status: number } | { ok: false; reason: string };

/** The URL without user:password, for request lines and log text. */
export function redactUrl(rtspUrl: string): string {
  try {
    const u = new URL(rtspUrl);
    u.username = '';
    u.password = '';
    return u.toString();
  } catch {
    return rtspUrl.replace(/\/\/[^@/]*@/, '//');
  }
}

export function probeRtsp(rtspUrl: string, timeoutMs: number): Promise<RtspProbeResult> {
  let url: URL;
  try {
    url = new URL(rtspUrl);
  } catch {
    return Promise.resolve({ ok: false, reason: `not a URL: ${redactUrl(rtspUrl)}` });
  }
  if (url.protocol !== 'rtsp:') return Promise.resolve({ ok: false, reason: `not an rtsp:// URL: ${redactUrl(rtspUrl)}` });
  const port = url.port === '' ? 554 : Number(url.port);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve) => {
    let settled = false;
    let reply = '';
    const socket = connect({ host, port });
    const finish = (r: RtspProbeResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(r);
    };
    const timer = setTimeout(() => finish({ ok: false, reason: `no RTSP answer from ${host}:${port} within ${timeoutMs} ms` }), timeoutMs);
    socket.setEncoding('latin1');
    socket.on('connect', () => {
      socket.write(`OPTIONS ${redactUrl(rtspUrl)} RTSP/1.0\r\nCSeq: 1\r\nUser-Agent: custody-station\r\n\r\n`);
    });
    socket.on('data', (chunk: string) => {
      reply += chunk;
      const eol = reply.indexOf('\r\n');
      if (eol < 0 && reply.length < 256) return;
      const m = /^RTSP\/1\.\d (\d{3})/.exec(reply);
      finish(m ? { ok: true, status: Number(m[1]) } : { ok: false, reason: `${host}:${port} does not speak RTSP` });
    });
    socket.on('error', (err: NodeJS.ErrnoException) => finish({ ok: false, reason: `${host}:${port}: ${err.code ?? err.message}` }));
    socket.on('close', () => finish({ ok: false, reason: `${host}:${port} closed the connection without an RTSP answer` }));
  });
}
