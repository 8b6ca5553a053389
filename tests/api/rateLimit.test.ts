// The sign-in rate limiter stays bounded and never frees a blocked client: a flood of other
// addresses (with bodies that are not even valid) leaves the blocked one blocked.
import { afterEach, describe, expect, it } from 'vitest';
import { apiHost, type ApiHost } from '../helpers/apiHost.js';

let h: ApiHost | null = null;
afterEach(async () => { await h?.close(); h = null; });

const address = (i: number): string => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

describe('sign-in rate limit over HTTP', () => {
  it('a blocked address stays blocked while 10,001 other addresses flood the server with bad bodies', async () => {
    h = await apiHost();
    const app = h.app;
    const attempt = (remoteAddress: string, payload: string) =>
      app.inject({ method: 'POST', url: '/api/login', headers: { 'content-type': 'application/json' }, payload, remoteAddress }).then((r) => r.statusCode);

    // Bodies the API refuses count: ten of them and the address is blocked.
    const first: number[] = [];
    for (let i = 0; i < 11; i++) first.push(await attempt('192.168.5.5', '{}'));
    expect(first.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(first[10]).toBe(429);

    for (let i = 1; i <= 10_001; i++) expect(await attempt(address(i), '{}')).toBe(400);
    expect(await attempt('192.168.5.5', JSON.stringify({ account: 'desk1', password: 'whatever1' }))).toBe(429);
    // Written another way, the same client is the same client.
    expect(await attempt('::ffff:192.168.5.5', JSON.stringify({ account: 'desk1', password: 'whatever1' }))).toBe(429);
  }, 120_000);

  it('counts bodies that are not even JSON', async () => {
    h = await apiHost();
    const app = h.app;
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push((await app.inject({ method: 'POST', url: '/api/login', headers: { 'content-type': 'application/json' }, payload: '{"account":', remoteAddress: '192.168.5.6' })).statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it('limits guesses at one account from many addresses', async () => {
    h = await apiHost();
    await h.accounts();
    const app = h.app;
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await app.inject({ method: 'POST', url: '/api/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ account: 'sv1', password: `guess-${i}x` }), remoteAddress: address(i + 1) });
      statuses.push(r.statusCode);
    }
    // Eleven sign-ins on sv1 in the minute (one by the test set-up): the eleventh and later are refused.
    expect(statuses.filter((s) => s === 429)).toHaveLength(3);
  });
});
