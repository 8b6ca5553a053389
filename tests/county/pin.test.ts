// The county's certificate is pinned: a server with another certificate is never sent a request
// (least of all the enrolment token), and the desk is told why the link is refused.
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CountyClient, PinMismatchError } from '../../main/host/countyClient.js';
import { tlsIdentity } from '../../main/server/selfSignedCert.js';

const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

async function server(): Promise<{ url: string; fingerprint: string; requests: string[]; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'county-pin-'));
  dirs.push(dir);
  const tls = tlsIdentity(dir, ['127.0.0.1']);
  const requests: string[] = [];
  const s = createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    requests.push(`${req.method ?? ''} ${req.url ?? ''} ${req.headers.authorization ?? ''}`);
    res.setHeader('content-type', 'application/json');
    res.end('{"seq":0,"hash":"x"}');
  });
  s.listen(0, '127.0.0.1');
  await once(s, 'listening');
  const port = (s.address() as { port: number }).port;
  return { url: `https://127.0.0.1:${port}`, fingerprint: tls.fingerprint, requests, close: () => new Promise((r) => s.close(() => r())) };
}

describe('the pinned link to the county', () => {
  it('talks to the server whose certificate has the configured fingerprint (colons and case aside)', async () => {
    const s = await server();
    const client = new CountyClient({ url: s.url, token: 'cty_secret-token-value', fingerprint: s.fingerprint.replace(/:/g, '').toLowerCase() });
    const r = await client.call('GET', '/ingest/v1/head');
    expect(r.status).toBe(200);
    expect(s.requests).toEqual(['GET /ingest/v1/head Bearer cty_secret-token-value']);
    client.close();
    await s.close();
  });

  it('sends nothing at all to a server with another certificate, and its error names no token', async () => {
    const s = await server();
    const other = await server();
    const client = new CountyClient({ url: s.url, token: 'cty_secret-token-value', fingerprint: other.fingerprint });
    const err = await client.call('POST', '/ingest/v1/push', { events: [] }).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(PinMismatchError);
    expect(String((err as Error).message)).not.toContain('cty_');
    expect(s.requests).toEqual([]);
    client.close();
    await s.close();
    await other.close();
  });
});
