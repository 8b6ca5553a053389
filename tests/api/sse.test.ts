// A new alarm reaches a signed-in page over server-sent events; strangers get no stream.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeNotice } from '../../common/views.js';
import { apiHost, type ApiHost } from '../helpers/apiHost.js';

let h: ApiHost;
let as: Awaited<ReturnType<ApiHost['accounts']>>;
let base: string;
beforeAll(async () => {
  h = await apiHost();
  as = await h.accounts();
  base = await h.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => h.close());

function stream(cookie: string): { notices: AsyncGenerator<{ event: string; data: unknown }>; status: Promise<number>; close: () => void } {
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
  req.end();
  async function* notices() {
    for (;;) {
      while (queue.length) yield queue.shift() as { event: string; data: unknown };
      await new Promise<void>((r) => { wake = r; });
    }
  }
  return { notices: notices(), status, close: () => req.destroy() };
}

describe('live changes', () => {
  it('delivers a new alarm to a signed-in supervisor', async () => {
    const s = stream(as.supervisor.cookie);
    expect(await s.status).toBe(200);
    expect((await s.notices.next()).value).toMatchObject({ event: 'hello' });
    await as.desk.call('submit', { command: { type: 'person.enter', person: { id: 'P1', name: '张三', gender: 'male', birthDate: '1990-01-01', role: 'suspect', basis: 'criminal_summons' } } });
    await as.desk.call('submit', { command: { type: 'person.move', who: 'P1', room: 'W1' } });
    for (;;) {
      const { value } = await s.notices.next();
      const notice = (value as { data: ChangeNotice }).data;
      const alarm = notice.alarms.find((a) => a.rule === 'missing_security_check');
      if (alarm) {
        expect(alarm).toMatchObject({ subject: 'person:P1', severity: 'critical', resolvedAt: null, room: 'W1' });
        break;
      }
    }
    s.close();
  });

  it('refuses the stream without a session', async () => {
    const s = stream('');
    expect(await s.status).toBe(401);
    s.close();
  });

  it('lets the server stop while a page still holds its stream open', async () => {
    const s = stream(as.supervisor.cookie);
    expect(await s.status).toBe(200);
    await s.notices.next();
    // The station stops (e.g. SIGTERM) with a supervisor's dashboard open: it must not wait for the page.
    await h.app.close();
    s.close();
  });
});
