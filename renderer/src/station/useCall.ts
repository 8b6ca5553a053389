// A read that runs when the screen opens and again when asked, but not on every change notice:
// for what the record's events do not change (accounts, backups) or what is too costly to repeat
// for each of them (verifying the whole hash chain).
import { useCallback, useEffect, useState } from 'react';
import type { ApiArg, ApiMethod, ApiResult } from '../../../common/api.js';
import { useStation } from './context.js';
import { errorMessage, isSignedOut } from './errors.js';

export interface Call<T> {
  readonly data: T | undefined;
  readonly error: string | null;
  readonly busy: boolean;
  run(): Promise<void>;
}

export function useCall<K extends ApiMethod>(method: K, arg: ApiArg<K>): Call<ApiResult<K>> {
  const { bridge, signOut } = useStation();
  const key = JSON.stringify(arg);
  const [state, setState] = useState<{ data: ApiResult<K> | undefined; error: string | null; busy: boolean }>({ data: undefined, error: null, busy: true });

  const run = useCallback(async (): Promise<void> => {
    setState((s) => ({ ...s, busy: true }));
    try {
      const data = await bridge.invoke(method, JSON.parse(key) as ApiArg<K>);
      setState({ data, error: null, busy: false });
    } catch (err) {
      if (isSignedOut(err)) signOut();
      setState((s) => ({ data: s.data, error: errorMessage(err), busy: false }));
    }
  }, [bridge, method, key, signOut]);

  useEffect(() => { void run(); }, [run]);
  return { ...state, run };
}
