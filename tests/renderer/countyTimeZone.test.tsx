// @vitest-environment jsdom
// The county's pages show times in the zone the county runs in (`npm run county -- --time-zone`),
// which the pages read from the county once after sign-in — not in a zone written into the page.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CountyArg, CountyBridge, CountyMethod, CountyResults } from '../../common/countyApi.js';
import { CountyHome } from '../../renderer/src/county/CountyHome.js';

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

/** 2026-03-02 00:30 UTC: 08:30 in Beijing, 06:30 in Ürümqi. */
const AT = Date.UTC(2026, 2, 2, 0, 30);

function countyBridge(timeZone: string): CountyBridge {
  const answers: Partial<{ [K in CountyMethod]: CountyResults[K] }> = {
    now: { now: AT, timeZone },
    chainAlarms: [{ id: 1, station: 'ST-A', kind: 'fork', seq: 52, heldHash: 'a'.repeat(64), receivedHash: 'b'.repeat(64), detail: '第 52 号事件与已保存的不同', at: AT }],
  };
  return {
    invoke<K extends CountyMethod>(method: K, _arg: CountyArg<K>): Promise<CountyResults[K]> {
      const answer = answers[method];
      return answer === undefined ? Promise.reject(new Error(`no answer for ${method}`)) : Promise.resolve(answer as CountyResults[K]);
    },
    subscribe: () => () => undefined,
  };
}

describe('times on the county pages', () => {
  it.each([
    ['Asia/Urumqi', '2026-03-02 06:30'],
    ['Asia/Shanghai', '2026-03-02 08:30'],
  ])('are in the county\'s zone %s', async (timeZone, shown) => {
    window.location.hash = '#/chain';
    const session = { account: 'sup', officerId: 'S1', name: '督察', roles: ['supervisor' as const] };
    render(<CountyHome bridge={countyBridge(timeZone)} session={session} onSignedOut={() => undefined} signOut={() => undefined} />);
    expect(await screen.findByText(shown)).toBeTruthy();
  });
});
