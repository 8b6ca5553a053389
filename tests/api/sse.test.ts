// A new alarm reaches a signed-in page over server-sent events; strangers get no stream.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeNotice } from '../../common/views.js';
import { apiHost, type ApiHost } from '../helpers/apiHost.js';
import { openStream } from '../helpers/sseStream.js';

let h: ApiHost;
let as: Awaited<ReturnType<ApiHost['accounts']>>;
let base: string;
beforeAll(async () => {
  h = await apiHost();
  as = await h.accounts();
  base = await h.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => h.close());

const stream = (cookie: string) => openStream(base, cookie);

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
