// A read of the county's API that runs again on every change notice (throttled) and every minute
// (links turn 未连接 by silence, which sends no notice).
import { useEffect, useState } from 'react';
import type { CountyArg, CountyBridge, CountyMethod, CountyResults } from '../../../common/countyApi.js';
import { errorMessage, isSignedOut } from '../station/errors.js';

export interface CountyQuery<T> { readonly data: T | undefined; readonly error: string | null }

export function useCountyQuery<K extends CountyMethod>(bridge: CountyBridge, method: K, arg: CountyArg<K>, revision: number, onSignedOut: () => void): CountyQuery<CountyResults[K]> {
  const key = JSON.stringify(arg);
  const [state, setState] = useState<{ key: string; data: CountyResults[K] | undefined; error: string | null }>({ key, data: undefined, error: null });
  useEffect(() => {
    let current = true;
    bridge.invoke(method, JSON.parse(key) as CountyArg<K>).then(
      (data) => { if (current) setState({ key, data, error: null }); },
      (err: unknown) => {
        if (!current) return;
        if (isSignedOut(err)) onSignedOut();
        setState((s) => ({ key, data: s.key === key ? s.data : undefined, error: errorMessage(err) }));
      },
    );
    return () => { current = false; };
  }, [bridge, method, key, revision, onSignedOut]);
  return state.key === key ? { data: state.data, error: state.error } : { data: undefined, error: null };
}

/** Grows with the county's change notices (at most every `throttleMs`) and once a minute; with the live channel's state. */
export function useCountyRevision(bridge: CountyBridge, throttleMs = 500): { revision: number; connected: boolean | null } {
  const [revision, setRevision] = useState(0);
  const [connected, setConnected] = useState<boolean | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const bump = (): void => {
      if (timer) return;
      timer = setTimeout(() => { timer = null; setRevision((r) => r + 1); }, throttleMs);
    };
    const minute = setInterval(bump, 60_000);
    const stop = bridge.subscribe(bump, (up) => { setConnected(up); if (up) bump(); });
    return () => {
      stop();
      clearInterval(minute);
      if (timer) clearTimeout(timer);
    };
  }, [bridge, throttleMs]);
  return { revision, connected };
}
