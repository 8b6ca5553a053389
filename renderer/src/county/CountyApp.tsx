// The county platform's pages (县（市）局督察平台): sign-in, then either the county's own pages
// (every area live, statistics across areas, record alarms, the access log) or one area's pages,
// which are the station's own screens reading that area from the county.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { StationBridge } from '../../../common/api.js';
import { COUNTY_BASE } from '../../../common/countyApi.js';
import { T } from '../../../common/deskText.js';
import type { SessionInfo } from '../../../common/views.js';
import { httpBridge } from '../../api/httpBridge.js';
import { SignInScreen } from '../screens/auth/SignInScreen.js';
import { errorMessage } from '../station/errors.js';
import { AreaFrame } from './AreaFrame.js';
import { countyBridge, type CountyPlace } from './countyBridge.js';
import { CountyHome } from './CountyHome.js';

type Auth = { readonly state: 'loading' } | { readonly state: 'error'; readonly message: string } | { readonly state: 'signedOut' } | { readonly state: 'signedIn'; readonly session: SessionInfo };

export function CountyApp({ place }: { readonly place: CountyPlace }) {
  const county = useMemo(() => countyBridge(), []);
  // Sign-in speaks the same words as the station's (account, password → session), at the county's address.
  const signInBridge = useMemo((): StationBridge => httpBridge(COUNTY_BASE), []);
  const [auth, setAuth] = useState<Auth>({ state: 'loading' });

  const check = useCallback(async (): Promise<void> => {
    try {
      const session = await county.invoke('session', {});
      setAuth(session ? { state: 'signedIn', session } : { state: 'signedOut' });
    } catch (err) {
      setAuth({ state: 'error', message: errorMessage(err) });
    }
  }, [county]);
  useEffect(() => { void check(); }, [check]);

  const signedOut = useCallback(() => { void check(); }, [check]);
  const signOut = useCallback(() => { county.invoke('logout', {}).catch(() => undefined).finally(signedOut); }, [county, signedOut]);

  switch (auth.state) {
    case 'loading': return <main className="auth" id="main"><p className="auth-card">{T.app.connecting}</p></main>;
    case 'error': return <main className="auth" id="main"><div className="auth-card"><p role="alert">{auth.message}</p></div></main>;
    case 'signedOut': return <SignInScreen bridge={signInBridge} example={false} onSignedIn={(session) => setAuth({ state: 'signedIn', session })} />;
    case 'signedIn':
      return place.kind === 'area'
        ? <AreaFrame station={place.station} session={auth.session} onSignedOut={signedOut} signOut={signOut} />
        : <CountyHome bridge={county} session={auth.session} onSignedOut={signedOut} signOut={signOut} />;
  }
}
