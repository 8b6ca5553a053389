// The county platform's own API over HTTP (common/countyApi.ts).
import { COUNTY_BASE, type CountyArg, type CountyBridge, type CountyMethod, type CountyResults } from '../../../common/countyApi.js';
import { postJson, subscribeChanges } from '../../api/httpBridge.js';

export function countyBridge(): CountyBridge {
  return {
    invoke: <K extends CountyMethod>(method: K, arg: CountyArg<K>): Promise<CountyResults[K]> => postJson<CountyResults[K]>(`${COUNTY_BASE}/api/${method}`, arg),
    subscribe: (onChange, onConnection) => subscribeChanges(`${COUNTY_BASE}/api/stream`, onChange, onConnection),
  };
}

/** Which page of the county this address is: its home, or one area's pages. */
export type CountyPlace = { readonly kind: 'home' } | { readonly kind: 'area'; readonly station: string };

export function countyPlace(pathname: string): CountyPlace | null {
  if (pathname !== COUNTY_BASE && !pathname.startsWith(`${COUNTY_BASE}/`)) return null;
  const m = /^\/county\/area\/([^/]+)\/?/.exec(pathname);
  if (!m?.[1]) return { kind: 'home' };
  try {
    return { kind: 'area', station: decodeURIComponent(m[1]) };
  } catch {
    return { kind: 'home' };
  }
}
