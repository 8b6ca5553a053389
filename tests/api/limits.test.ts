// Resource and input limits at the API: slow requests are cut off, live streams per account are
// capped, names and free text are bounded and clean, deep nesting is a 400 naming the field
// (never a failed write), and time ranges must be real ranges.
import { connect } from 'node:net';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Rejection } from '../../common/rejections.js';
import { NAME_MAX, NESTING_MAX, TEXT_MAX } from '../../common/textLimits.js';
import { apiHost, type ApiHost, type Client } from '../helpers/apiHost.js';

const T0 = Date.UTC(2026, 2, 2, 1, 0);
let h: ApiHost;
let as: Awaited<ReturnType<ApiHost['accounts']>>;
let port: number;
beforeAll(async () => {
  h = await apiHost({}, undefined, { requestTimeoutMs: 600, maxStreamsPerAccount: 8 });
  as = await h.accounts();
  port = Number(new URL(await h.app.listen({ port: 0, host: '127.0.0.1' })).port);
});
afterAll(() => h.close());

type Submitted = { ok: true; seq: number } | { ok: false; rejection: Rejection };
const submit = (c: Client, command: Record<string, unknown>) => c.call<Submitted>('submit', { command });
const events = (): number => h.host.station.store.count();
const nested = (depth: number): string => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
let nextId = 0;
const person = (fields: Record<string, unknown> = {}) => ({ type: 'person.enter', person: { id: `L${++nextId}`, name: '王五', gender: 'male', birthDate: '1990-01-01', role: 'witness', ...fields } });

describe('slow requests', () => {
  it('cuts off a body that trickles in', async () => {
    const body = JSON.stringify({ account: 'desk1', password: 'x'.repeat(100) });
    const outcome = await new Promise<{ answer: string; sent: number; reset: boolean }>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      let answer = '';
      let sent = 0;
      let reset = false;
      let timer: NodeJS.Timeout | null = null;
      socket.setEncoding('utf8');
      socket.on('data', (d: string) => { answer += d; });
      // The server may close with our unread bytes still on its side, which the kernel answers with a reset.
      socket.on('error', (err: NodeJS.ErrnoException) => { if (err.code === 'ECONNRESET' || err.code === 'EPIPE') reset = true; else reject(err); });
      socket.on('close', () => { if (timer) clearInterval(timer); resolve({ answer, sent, reset }); });
      socket.on('connect', () => {
        socket.write(`POST /api/login HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`);
        // One byte every 50 ms: the whole body would take about 7 s; the limit is 0.6 s.
        timer = setInterval(() => {
          if (sent < body.length && !socket.destroyed && answer === '') socket.write(body[sent++] ?? '');
          else if (timer) { clearInterval(timer); timer = null; socket.end(); }
        }, 50);
      });
    });
    // Cut off long before the body was complete: with 408 Request Timeout, or the connection reset.
    expect(outcome.sent).toBeLessThan(body.length / 2);
    if (!outcome.reset) expect(outcome.answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it('keeps a live stream open longer than the request limit', async () => {
    const seen = await new Promise<string[]>((resolve, reject) => {
      const events: string[] = [];
      const req = request({ host: '127.0.0.1', port, path: '/api/stream', headers: { cookie: as.desk.cookie } }, (res) => {
        res.setEncoding('utf8');
        res.on('data', (d: string) => {
          events.push(...[...d.matchAll(/^event: (\w+)$/gm)].map((m) => m[1] ?? ''));
          // A change well after the request limit still arrives on the same stream.
          if (events.length === 1) setTimeout(() => { void submit(as.desk, person()); }, 1200);
          if (events.includes('change')) { req.destroy(); resolve(events); }
        });
      });
      req.on('error', reject);
      req.end();
    });
    expect(seen).toEqual(['hello', 'change']);
  });
});

describe('live streams per account', () => {
  function open(cookie: string): Promise<{ status: number; close: () => void }> {
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/api/stream', headers: { cookie } }, (res) => {
        resolve({ status: res.statusCode ?? 0, close: () => req.destroy() });
        if (res.statusCode !== 200) res.resume();
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('gives one account 8 live streams, refuses the 9th with 429, and frees a place when one closes', async () => {
    const streams = await Promise.all(Array.from({ length: 8 }, () => open(as.supervisor.cookie)));
    expect(streams.map((s) => s.status)).toEqual(Array(8).fill(200));
    expect((await open(as.supervisor.cookie)).status).toBe(429);
    const desk = await open(as.desk.cookie);
    expect(desk.status).toBe(200);
    streams[0]?.close();
    // The place is free once the server has seen the close: each try is a request, at most 50.
    let freed: { status: number; close: () => void } | null = null;
    for (let i = 0; i < 50 && !freed; i++) {
      const again = await open(as.supervisor.cookie);
      if (again.status === 200) freed = again;
      else expect(again.status).toBe(429);
    }
    expect(freed?.status).toBe(200);
    freed?.close();
    desk.close();
    for (const s of streams) s.close();
  });
});

describe('names and free text', () => {
  it('refuses a name over 64 characters, naming the field, and accepts 64', async () => {
    const long = await submit(as.desk, person({ name: '张'.repeat(NAME_MAX + 1) }));
    expect(long.body).toMatchObject({ ok: false, rejection: { code: 'INVALID_FIELD', field: 'person.name' } });
    expect(!long.body.ok && long.body.rejection.message).toContain(`${NAME_MAX}`);
    expect((await submit(as.desk, person({ name: '张'.repeat(NAME_MAX) }))).body.ok).toBe(true);
    // A megabyte name does not get near the record.
    const before = events();
    expect((await submit(as.desk, person({ name: 'x'.repeat(1 << 19) }))).body).toMatchObject({ ok: false, rejection: { field: 'person.name' } });
    expect(events()).toBe(before);
  });

  it('refuses control characters and counts zero-width-only text as empty', async () => {
    expect((await submit(as.desk, person({ name: '王\u0000五' }))).body).toMatchObject({ ok: false, rejection: { field: 'person.name' } });
    expect((await submit(as.desk, person({ name: '王\u001b[31m五' }))).body).toMatchObject({ ok: false, rejection: { field: 'person.name' } });
    const blank = await submit(as.desk, person({ name: '\u200B\u200C\u200D\uFEFF' }));
    expect(blank.body).toMatchObject({ ok: false, rejection: { field: 'person.name', message: expect.stringContaining('不能为空') as unknown } });
    expect((await submit(as.desk, person({ caseNo: 'A\u0000B' }))).body).toMatchObject({ ok: false, rejection: { field: 'person.caseNo' } });
    // Free text keeps its line breaks.
    expect((await submit(as.desk, person({ details: { note: '第一行\n第二行\t（附注）' } }))).body.ok).toBe(true);
  });

  it('bounds free text at 2,000 characters', async () => {
    expect((await submit(as.desk, person({ details: { note: '记'.repeat(TEXT_MAX) } }))).body.ok).toBe(true);
    expect((await submit(as.desk, person({ details: { note: '记'.repeat(TEXT_MAX + 1) } }))).body).toMatchObject({ ok: false, rejection: { field: 'person.details.note' } });
  });

  it('bounds the first administrator\'s name too', async () => {
    const fresh = await apiHost();
    try {
      const r = await fresh.client().call<{ message: string }>('setup', { officerId: 'A1', name: 'x'.repeat(NAME_MAX + 1), gender: 'male', password: 'station2026' });
      expect(r.status).toBe(400);
      expect(r.body.message).toContain('name');
      expect((await fresh.client().call('setup', { officerId: 'A1', name: '\u200B', gender: 'male', password: 'station2026' })).status).toBe(400);
    } finally {
      await fresh.close();
    }
  });
});

describe('nesting', () => {
  const check = (findings: string): Promise<{ status: number; body: Submitted & { message?: string } }> =>
    h.app.inject({ method: 'POST', url: '/api/submit', headers: { 'content-type': 'application/json', cookie: as.desk.cookie }, payload: `{"command":{"type":"security.check","personId":"L1","checkers":["DESK1"],"findings":${findings}}}` })
      .then((r) => ({ status: r.statusCode, body: r.json() }));

  it(`accepts findings nested ${NESTING_MAX} deep and refuses ${NESTING_MAX + 1}, naming the field`, async () => {
    expect((await check(nested(NESTING_MAX))).body.ok).toBe(true);
    expect((await check(nested(NESTING_MAX + 1))).body).toMatchObject({ ok: false, rejection: { code: 'INVALID_FIELD', field: 'findings' } });
  });

  it('answers a body nested 20,000 deep with 400 naming the field; nothing is written and the station goes on', async () => {
    const before = events();
    const r = await check(nested(20_000));
    expect(r.status).toBe(400);
    expect(r.body.message).toContain('command.findings');
    expect(JSON.stringify(r.body)).not.toContain('STORE_FAILED');
    expect(events()).toBe(before);
    // The same depth in an item's extra field, and in another method's argument.
    const items = await h.app.inject({ method: 'POST', url: '/api/submit', headers: { 'content-type': 'application/json', cookie: as.desk.cookie }, payload: `{"command":{"type":"belongings.store","personId":"L1","items":[{"name":"手机","quantity":1,"extra":${nested(20_000)}}]}}` });
    expect(items.statusCode).toBe(400);
    expect((await h.app.inject({ method: 'POST', url: '/api/persons', headers: { 'content-type': 'application/json', cookie: as.desk.cookie }, payload: `{"text":${nested(20_000)}}` })).statusCode).toBe(400);
    expect((await submit(as.desk, person())).body.ok).toBe(true);
  });
});

describe('time ranges', () => {
  const get = (url: string, c: Client = as.supervisor) => h.app.inject({ method: 'GET', url, headers: { cookie: c.cookie } });

  it('refuses absurd export ranges with 400 naming the field', async () => {
    for (const [query, field] of [['from=-1e308&to=1', 'from'], ['from=0&to=1e308', 'to'], ['from=NaN&to=5', 'from'], [`from=${T0}&to=${T0 + 400 * 86_400_000}`, 'to'], [`from=${T0}&to=${T0}`, 'to']] as const) {
      for (const name of ['ledger.csv', 'alarms.csv']) {
        const r = await get(`/api/export/${name}?${query}`);
        expect(r.statusCode, `${name}?${query}`).toBe(400);
        expect(r.json<{ message: string }>().message, query).toContain(field);
      }
    }
    expect((await get(`/api/export/ledger.csv?from=${T0}&to=${T0 + 366 * 86_400_000}`)).statusCode).toBe(200);
  });

  it('refuses the same in the ledger, statistics, alarms and persons API', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['ledger', { from: -1e308, to: 1 }, 'from'],
      ['ledger', { from: T0, to: T0 + 10 * 366 * 86_400_000 }, 'to'],
      ['stats', { period: 'day', from: -1e308, to: T0 }, 'from'],
      ['stats', { period: 'day', from: T0, to: 1e308 }, 'to'],
      ['alarms', { from: -1e308 }, 'from'],
      ['alarms', { to: 1e308 }, 'to'],
      ['persons', { exitedFrom: -1e308 }, 'exitedFrom'],
    ];
    for (const [method, arg, field] of cases) {
      const r = await as.supervisor.call<{ message: string }>(method, arg);
      expect(r.status, `${method} ${JSON.stringify(arg)}`).toBe(400);
      expect(r.body.message).toContain(field);
    }
  });
});
