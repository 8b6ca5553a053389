// The page: who is signed in decides between first-run setup, sign-in and the desk itself.
import { useCallback, useEffect, useState } from 'react';
import type { StationBridge } from '../../common/api.js';
import { T } from '../../common/deskText.js';
import type { SessionInfo } from '../../common/views.js';
import { SetupScreen } from './screens/auth/SetupScreen.js';
import { SignInScreen } from './screens/auth/SignInScreen.js';
import { FirstRunScreen } from './screens/setup/FirstRunScreen.js';
import { Shell } from './shell/Shell.js';
import { primeOnGestures } from './station/alarmAudio.js';
import { errorMessage } from './station/errors.js';
import { StationProvider } from './station/StationProvider.js';

type Auth =
  | { readonly state: 'loading' }
  | { readonly state: 'error'; readonly message: string }
  | { readonly state: 'signedOut'; readonly setupNeeded: boolean; readonly example: boolean; readonly firstRun: boolean }
  | { readonly state: 'signedIn'; readonly session: SessionInfo };

export function App({ bridge }: { readonly bridge: StationBridge }) {
  const [auth, setAuth] = useState<Auth>({ state: 'loading' });

  const check = useCallback(async (): Promise<void> => {
    try {
      const session = await bridge.invoke('session', {});
      if (session) {
        setAuth({ state: 'signedIn', session });
        return;
      }
      const setup = await bridge.invoke('setupState', {});
      setAuth({ state: 'signedOut', setupNeeded: setup.needed, example: setup.example, firstRun: setup.firstRun });
    } catch (err) {
      setAuth({ state: 'error', message: errorMessage(err) });
    }
  }, [bridge]);

  useEffect(() => { void check(); }, [check]);
  // The alarm tone may sound only after a click or key on the page: the sign-in click is the first.
  useEffect(() => primeOnGestures(), []);

  const signedIn = useCallback((session: SessionInfo) => setAuth({ state: 'signedIn', session }), []);
  const signedOut = useCallback(() => { void check(); }, [check]);

  switch (auth.state) {
    case 'loading':
      return <main className="auth" id="main"><p className="auth-card">{T.app.connecting}</p></main>;
    case 'error':
      return (
        <main className="auth" id="main">
          <div className="auth-card">
            <h1>{T.app.unreachable}</h1>
            <p role="alert">{auth.message}</p>
            <button type="button" className="primary" onClick={() => { setAuth({ state: 'loading' }); void check(); }}>{T.app.retry}</button>
          </div>
        </main>
      );
    case 'signedOut':
      // No area yet: the first-run wizard (or the example area's record) before any account.
      if (auth.firstRun && auth.setupNeeded) return <FirstRunScreen bridge={bridge} onSignedIn={signedIn} />;
      return auth.setupNeeded
        ? <SetupScreen bridge={bridge} example={auth.example} onSignedIn={signedIn} />
        : <SignInScreen bridge={bridge} example={auth.example} onSignedIn={signedIn} />;
    case 'signedIn':
      return (
        <StationProvider bridge={bridge} session={auth.session} onSignedOut={signedOut}>
          <Shell />
        </StationProvider>
      );
  }
}
