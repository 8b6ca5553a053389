// A read from the station that runs again whenever the record changes (see StationProvider).
import { useEffect, useState } from 'react';
import type { ApiArg, ApiMethod, ApiResult } from '../../../common/api.js';
import { useStation } from './context.js';
import { errorMessage, isSignedOut } from './errors.js';

export interface Query<T> {
  /** undefined until the first answer; kept while a newer one loads, so the page does not flicker. */
  readonly data: T | undefined;
  readonly error: string | null;
}

/** `arg` null: nothing to ask yet (no answer, no call). */
export function useQuery<K extends ApiMethod>(method: K, arg: ApiArg<K> | null): Query<ApiResult<K>> {
  const { bridge, revision, signOut } = useStation();
  const key = arg === null ? '' : JSON.stringify(arg);
  const [state, setState] = useState<{ key: string; data: ApiResult<K> | undefined; error: string | null }>({ key, data: undefined, error: null });

  useEffect(() => {
    if (key === '') return;
    let current = true;
    bridge.invoke(method, JSON.parse(key) as ApiArg<K>).then(
      (data) => { if (current) setState({ key, data, error: null }); },
      (err: unknown) => {
        if (!current) return;
        if (isSignedOut(err)) signOut();
        setState((s) => ({ key, data: s.key === key ? s.data : undefined, error: errorMessage(err) }));
      },
    );
    return () => { current = false; };
  }, [bridge, method, key, revision, signOut]);

  // An answer for other arguments (another person) is never shown for these.
  return state.key === key ? { data: state.data, error: state.error } : { data: undefined, error: null };
}
