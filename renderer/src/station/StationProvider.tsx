// Holds what every screen shares: the signed-in officer, the overview, the active alarms and the
// live subscription. Each change notice bumps `revision`, which makes every open query run again,
// so what is shown follows the record without any screen polling.
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { mayIssue, type CommandInput, type StationBridge } from '../../../common/api.js';
import type { CommandType } from '../../../common/commands.js';
import type { Overview, SessionInfo } from '../../../common/views.js';
import { coalesce } from './coalesce.js';
import { StationContext, type Outcome, type StationValue } from './context.js';
import { errorMessage, isSignedOut } from './errors.js';
import { addNotice, liveAlarms, pendingAfter, type PendingNotice } from './liveAlarms.js';
import { namesOf } from './names.js';

/** Notices closer together than this share one reload. */
const RELOAD_BATCH_MS = 30;
const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

interface Props {
  readonly bridge: StationBridge;
  readonly session: SessionInfo;
  readonly onSignedOut: () => void;
  readonly children: ReactNode;
}

export function StationProvider({ bridge, session, onSignedOut, children }: Props) {
  const [overview, setOverview] = useState<Overview | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [pending, setPending] = useState<readonly PendingNotice[]>([]);
  const [revision, setRevision] = useState(0);
  const [connected, setConnected] = useState<boolean | null>(null);
  const [skewMs, setSkewMs] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const fail = useCallback((err: unknown) => {
    if (isSignedOut(err)) onSignedOut();
    else setLoadError(errorMessage(err));
  }, [onSignedOut]);

  const reloadOverview = useMemo(() => coalesce(async () => {
    const sentAt = Date.now();
    const o = await bridge.invoke('overview', {});
    // Rounded so that a reload does not restart the clock for a few milliseconds of jitter.
    setSkewMs(Math.round((o.now - (sentAt + Date.now()) / 2) / 250) * 250);
    setOverview(o);
    setPending((p) => pendingAfter(p, o.record.events));
    setLoadError(null);
  }), [bridge]);

  const refresh = useCallback(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      setRevision((r) => r + 1);
      reloadOverview().catch(fail);
    }, RELOAD_BATCH_MS);
  }, [reloadOverview, fail]);

  useEffect(() => {
    reloadOverview().catch(fail);
  }, [reloadOverview, fail]);

  useEffect(() => {
    const stop = bridge.subscribe((notice) => {
      setPending((p) => addNotice(p, notice));
      refresh();
    }, (up) => {
      setConnected(up);
      // Whatever happened while the live channel was down is read again.
      if (up) refresh();
    });
    return () => {
      stop();
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [bridge, refresh]);

  const submit = useCallback(async (command: CommandInput): Promise<Outcome> => {
    try {
      const r = await bridge.invoke('submit', { command });
      if (!r.ok) return r.rejection.field === undefined ? { ok: false, message: r.rejection.message } : { ok: false, message: r.rejection.message, field: r.rejection.field };
      // The notice will come too; this keeps the page right if the live channel is down.
      refresh();
      return { ok: true, at: r.at, seq: r.seq, alarms: r.alarms };
    } catch (err) {
      if (isSignedOut(err)) onSignedOut();
      return { ok: false, message: errorMessage(err) };
    }
  }, [bridge, refresh, onSignedOut]);

  const signOut = useCallback(() => {
    bridge.invoke('logout', {}).catch(() => undefined).finally(onSignedOut);
  }, [bridge, onSignedOut]);

  const may = useCallback((type: CommandType) => mayIssue(session.roles, type), [session.roles]);
  const live = useMemo(() => liveAlarms(overview?.alarms ?? [], overview?.awaitingAck ?? [], pending), [overview, pending]);
  const names = useMemo(() => namesOf(overview), [overview]);

  const value = useMemo((): StationValue => ({
    bridge, session, overview, loadError, alarms: live.active, awaitingAck: live.awaiting, revision, connected, skewMs,
    timeZone: overview?.timeZone ?? DEFAULT_TIME_ZONE, names, submit, may, signOut,
  }), [bridge, session, overview, loadError, live, revision, connected, skewMs, names, submit, may, signOut]);
  return <StationContext.Provider value={value}>{children}</StationContext.Provider>;
}
