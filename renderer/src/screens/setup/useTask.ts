// One thing at a time on a set-up page (a probe, a test, a check, a save): what is running, and
// the station's refusal of the last one in the person's words.
import { useCallback, useState } from 'react';
import { errorMessage } from '../../station/errors.js';

export interface Task<K extends string> {
  readonly busy: K | null;
  readonly error: string | null;
  /** Runs `work` as `what`; resolves with its result, or undefined when it failed (the error is shown). */
  run<T>(what: K, work: () => Promise<T>): Promise<T | undefined>;
  setError(message: string | null): void;
}

export function useTask<K extends string>(): Task<K> {
  const [busy, setBusy] = useState<K | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async <T,>(what: K, work: () => Promise<T>): Promise<T | undefined> => {
    setBusy(what);
    setError(null);
    try {
      return await work();
    } catch (err) {
      setError(errorMessage(err));
      return undefined;
    } finally {
      setBusy(null);
    }
  }, []);
  return { busy, error, run, setError };
}
