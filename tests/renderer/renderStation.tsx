// Renders a piece of the desk inside the station context, with the clock fixed.
import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { NowContext } from '../../renderer/src/station/now.js';
import { StationProvider } from '../../renderer/src/station/StationProvider.js';
import type { SessionInfo } from '../../common/views.js';
import { NOW, SESSION, type FakeBridge } from './fakeBridge.js';

export function renderStation(ui: ReactNode, bridge: FakeBridge, now = NOW, session: SessionInfo = SESSION): RenderResult {
  return render(
    <StationProvider bridge={bridge} session={session} onSignedOut={() => undefined}>
      <NowContext.Provider value={now}>{ui}</NowContext.Provider>
    </StationProvider>,
  );
}
