// A signed-in page's live channel (GET /api/stream, server-sent events), read as an async sequence.
import { request } from 'node:http';

export interface SseStream {
  readonly notices: AsyncGenerator<{ event: string; data: unknown }>;
  readonly status: Promise<number>;
  close(): void;
}

export function openStream(base: string, cookie: string): SseStream {
  let resolveStatus: (n: number) => void = () => undefined;
  const status = new Promise<number>((r) => { resolveStatus = r; });
  const queue: { event: string; data: unknown }[] = [];
  let wake: (() => void) | null = null;
  const req = request(`${base}/api/stream`, { headers: { cookie, accept: 'text/event-stream' } }, (res) => {
    resolveStatus(res.statusCode ?? 0);
    let buf = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buf += chunk;
      for (let i = buf.indexOf('\n\n'); i >= 0; i = buf.indexOf('\n\n')) {
        const block = buf.slice(0, i);
        buf = buf.slice(i + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event && data) queue.push({ event, data: JSON.parse(data) as unknown });
        wake?.();
      }
    });
  });
  req.on('error', () => wake?.());
  req.end();
  async function* notices() {
    for (;;) {
      while (queue.length) yield queue.shift() as { event: string; data: unknown };
      await new Promise<void>((r) => { wake = r; });
    }
  }
  return { notices: notices(), status, close: () => req.destroy() };
}
