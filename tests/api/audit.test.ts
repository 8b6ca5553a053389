// The audit check finds a record edited behind the station's back with the sqlite3 tool.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHost, type ApiHost, type Client } from '../helpers/apiHost.js';

let h: ApiHost;
let supervisor: Client;
beforeAll(async () => {
  h = await apiHost();
  const as = await h.accounts();
  supervisor = as.supervisor;
  for (let i = 0; i < 5; i++) {
    await as.desk.call('submit', { command: { type: 'person.enter', person: { id: `P${i}`, name: `人员${i}`, gender: 'male', birthDate: '1990-01-01', role: 'witness' } } });
  }
});
afterAll(() => h.close());

describe('audit', () => {
  it('reports an intact record with its head hash', async () => {
    const r = await supervisor.call<{ ok: boolean; headHash: string; events: number }>('audit');
    expect(r.body).toMatchObject({ ok: true, headHash: h.host.station.store.head.hash, events: h.host.station.store.count() });
  });

  it('names the first event changed with sqlite3', async () => {
    const target = (h.host.db.prepare(`SELECT seq FROM events WHERE type = 'person.enter' AND payload LIKE '%人员2%'`).get() as { seq: number }).seq;
    execFileSync('sqlite3', [join(h.dir, 'station.db'), `DROP TRIGGER events_append_only_update; UPDATE events SET payload = replace(payload, '人员2', '人员X') WHERE seq = ${target};`]);
    const r = await supervisor.call<{ ok: boolean; brokenSeq: number; problem: string }>('audit');
    expect(r.body).toMatchObject({ ok: false, brokenSeq: target });
    expect(r.body.problem).toContain('哈希');
  });
});
