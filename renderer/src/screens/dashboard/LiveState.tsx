// Whether the dashboard is live: the change channel's state and the station time of the data shown.
import { T } from '../../../../common/deskText.js';
import { formatClock } from '../../../../common/zonedTime.js';

export function LiveState({ connected, dataAt, timeZone }: { readonly connected: boolean | null; readonly dataAt: number; readonly timeZone: string }) {
  const state = connected === null ? 'connecting' : connected ? 'live' : 'down';
  const text = state === 'connecting' ? T.dashboard.connecting : state === 'live' ? T.dashboard.live : T.dashboard.down;
  return (
    <p className={`live-state live-state-${state}`} role="status" data-live={state}>
      <span className="dot" aria-hidden="true" />
      <span>{text}</span>
      <span className="muted">{T.dashboard.updatedAt(formatClock(dataAt, timeZone))}</span>
    </p>
  );
}
