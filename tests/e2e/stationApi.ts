// The station's HTTP API from the test itself (to check what the page shows against the record,
// or to prepare state the test is not about).
import type { Page } from 'playwright-core';
import type { ApiArg, ApiMethod, ApiResult } from '../../common/api.js';

export class ApiClient {
  private cookie = '';

  constructor(readonly url: string) {}

  async call<K extends ApiMethod>(method: K, arg: ApiArg<K>): Promise<ApiResult<K>> {
    const res = await fetch(`${this.url}/api/${method}`, {
      method: 'POST', headers: { 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}) }, body: JSON.stringify(arg),
    });
    const set = res.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0] ?? '';
    if (!res.ok) throw new Error(`${method}: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as ApiResult<K>;
  }

  /** The sign-in cookie (name=value), to give a browser page the same session. */
  cookieHeader(): string {
    return this.cookie;
  }

  /** Uses the sign-in of a browser page (its cookie) for calls from the test. */
  useCookie(cookie: string): void {
    this.cookie = cookie;
  }
}

export const ADMIN = { officerId: 'E100', name: '管理员', gender: 'male', password: 'Desk2026ok' } as const;

/** A client signed in as the browser page is (its cookies), for checking what the page shows against the record. */
export async function pageClient(page: Page, url: string): Promise<ApiClient> {
  const client = new ApiClient(url);
  const cookies = await page.context().cookies(url);
  client.useCookie(cookies.map((c) => `${c.name}=${c.value}`).join('; '));
  return client;
}
