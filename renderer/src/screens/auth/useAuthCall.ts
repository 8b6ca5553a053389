// Sign-in and setup: call the station, then either enter the desk or say why not.
import { useState } from 'react';
import type { AuthResult } from '../../../../common/api.js';
import type { SessionInfo } from '../../../../common/views.js';
import { errorMessage } from '../../station/errors.js';

export function useAuthCall(onSignedIn: (session: SessionInfo) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const run = async (call: () => Promise<AuthResult>): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      const r = await call();
      if (r.ok) onSignedIn(r.session);
      else setError(r.message);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}
