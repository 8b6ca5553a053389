// With LAN access on, the station speaks HTTPS with a certificate it made itself; a client that
// trusts that certificate (as a supervisor does after checking the fingerprint) connects, the
// fingerprint the station prints matches, and plain HTTP is not served.
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startStation, type RunningStation } from '../helpers/stationProcess.js';

const dir = mkdtempSync(join(tmpdir(), 'station-lan-'));
let st: RunningStation | null = null;
afterAll(async () => { await st?.stop(); rmSync(dir, { recursive: true, force: true }); });

function get(url: string, ca: string, cookie = ''): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: u.port, path: u.pathname, servername: 'localhost', ca, headers: { cookie } }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => { body += d.toString(); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('LAN access', () => {
  it('serves HTTPS only, with the fingerprint it prints', async () => {
    st = await startStation(dir, ['--lan', '--bind', '127.0.0.1']);
    expect(st.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const cert = readFileSync(join(dir, 'tls', 'lan-cert.pem'), 'utf8');
    expect(st.stderr()).toContain(new X509Certificate(cert).fingerprint256);
    const health = await get(`${st.url}/api/health`, cert);
    expect(health.status).toBe(200);
    expect(health.headers['strict-transport-security']).toBeDefined();
    const plain = await fetch(st.url.replace('https:', 'http:') + '/api/health').then((r) => r.status, () => 'refused');
    expect(plain).not.toBe(200);
    // A client that does not trust the certificate is refused by TLS itself.
    await expect(get(`${st.url}/api/health`, '')).rejects.toThrow();
  });
});
