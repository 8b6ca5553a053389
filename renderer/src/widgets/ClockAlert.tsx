// 时钟异常 on every screen until an officer acknowledges it: the computer's clock jumped, the
// station recorded it and kept its own time; someone has to put the computer's clock right.
import { useState } from 'react';
import { T } from '../../../common/deskText.js';
import { formatDateTimeSeconds } from '../../../common/zonedTime.js';
import { useStation } from '../station/context.js';

export function ClockAlert() {
  const { overview, may, submit, timeZone } = useStation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const jumps = overview?.clockJumps ?? [];
  const last = jumps[jumps.length - 1];
  if (!last) return null;
  const t = (ms: number): string => formatDateTimeSeconds(ms, timeZone);
  const what = last.cause === 'start' ? T.clock.start(t(last.wallBefore), t(last.wallAfter)) : T.clock.jump(t(last.wallBefore), t(last.wallAfter));
  const ack = async (): Promise<void> => {
    setBusy(true);
    const r = await submit({ type: 'clock.ack', upTo: last.seq });
    setBusy(false);
    setError(r.ok ? null : r.message);
  };
  return (
    <section className="clock-alert" role="alert" aria-label={T.clock.title}>
      <strong>{T.clock.title}</strong>
      <span>{what}{jumps.length > 1 ? T.clock.more(jumps.length - 1) : ''}。{T.clock.kept}</span>
      {may('clock.ack') && <button type="button" className="small" disabled={busy} onClick={() => void ack()}>{busy ? T.clock.acking : T.clock.ack}</button>}
      {error && <span className="form-error">{error}</span>}
    </section>
  );
}
