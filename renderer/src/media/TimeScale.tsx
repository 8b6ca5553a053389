// The time scale of a playback: the span asked for, what the record holds over it — recorded
// stretches, gaps (录像缺失, with why), segments refused as changed (录像片段被改动), the part not
// yet closed into a segment — the session's start and end, and where playback is. A click or the
// arrow keys move playback there.
import type { KeyboardEvent, MouseEvent } from 'react';
import { R } from '../../../common/recordingText.js';
import type { PlanPiece } from '../../../common/recordings.js';
import { formatClock, formatDateTimeSeconds } from '../../../common/zonedTime.js';

export interface ScaleMark { readonly at: number; readonly label: string; readonly kind: 'start' | 'end' }

interface Props {
  readonly from: number;
  readonly to: number;
  readonly pieces: readonly PlanPiece[];
  /** Stretches refused while playing (a changed segment found by its hash), drawn over the plan. */
  readonly refused: readonly { readonly from: number; readonly to: number }[];
  readonly marks: readonly ScaleMark[];
  readonly position: number | null;
  readonly timeZone: string;
  onSeek(at: number): void;
}

const TICKS = 6;
const KEY_STEP_MS = 10_000;

function pieceTitle(p: PlanPiece, t: (ms: number) => string): string {
  const span = `${t(p.from)}–${t(p.to)}`;
  switch (p.kind) {
    case 'recorded': return `${R.playback.legend.recorded} ${span}`;
    case 'changed': return `${R.playback.legend.changed} ${span}`;
    case 'pending': return `${R.playback.legend.pending} ${span}`;
    case 'gap': return `${R.playback.gap(t(p.from), t(p.to))}（${R.playback.gapReason[p.reason]}）`;
  }
}

export function TimeScale({ from, to, pieces, refused, marks, position, timeZone, onSeek }: Props) {
  const length = Math.max(1, to - from);
  const pct = (ms: number): number => Math.min(100, Math.max(0, ((ms - from) / length) * 100));
  const t = (ms: number): string => formatClock(ms, timeZone);
  const seekAt = (e: MouseEvent<HTMLDivElement>): void => {
    const box = e.currentTarget.getBoundingClientRect();
    onSeek(from + Math.round(((e.clientX - box.left) / box.width) * length));
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>): void => {
    const now = position ?? from;
    const next = e.key === 'ArrowRight' ? now + KEY_STEP_MS : e.key === 'ArrowLeft' ? now - KEY_STEP_MS : e.key === 'Home' ? from : e.key === 'End' ? to - 1000 : null;
    if (next === null) return;
    e.preventDefault();
    onSeek(Math.min(to, Math.max(from, next)));
  };
  const ticks = Array.from({ length: TICKS + 1 }, (_, i) => from + (length * i) / TICKS);
  return (
    <div className="time-scale">
      <div className="scale-bar" role="slider" tabIndex={0} aria-label={R.playback.scale} aria-valuemin={from} aria-valuemax={to}
        aria-valuenow={position ?? from} aria-valuetext={position === null ? '' : formatDateTimeSeconds(position, timeZone)}
        onClick={seekAt} onKeyDown={onKey}>
        {pieces.map((p) => (
          <span key={`${p.kind}-${p.from}`} className={`scale-piece piece-${p.kind}${p.kind === 'gap' ? ` gap-${p.reason}` : ''}`}
            style={{ left: `${pct(p.from)}%`, width: `${Math.max(0.3, pct(p.to) - pct(p.from))}%` }} title={pieceTitle(p, t)} data-piece={p.kind} />
        ))}
        {refused.map((r) => (
          <span key={`refused-${r.from}`} className="scale-piece piece-changed" style={{ left: `${pct(r.from)}%`, width: `${Math.max(0.3, pct(r.to) - pct(r.from))}%` }}
            title={`${R.playback.legend.changed} ${t(r.from)}–${t(r.to)}`} data-piece="refused" />
        ))}
        {marks.map((m) => (
          <span key={`${m.kind}-${m.at}`} className={`scale-mark mark-${m.kind}`} style={{ left: `${pct(m.at)}%` }} title={`${m.label} ${t(m.at)}`} />
        ))}
        {position !== null && <span className="scale-head" style={{ left: `${pct(position)}%` }} aria-hidden="true" />}
      </div>
      <div className="scale-ticks" aria-hidden="true">
        {ticks.map((ms, i) => <span key={i} style={{ left: `${pct(ms)}%` }}>{t(ms)}</span>)}
      </div>
      <ul className="scale-legend">
        <li><span className="swatch piece-recorded" />{R.playback.legend.recorded}</li>
        <li><span className="swatch piece-gap" />{R.playback.legend.gap}</li>
        <li><span className="swatch piece-changed" />{R.playback.legend.changed}</li>
        <li><span className="swatch mark-start" />{R.playback.legend.sessionStart}</li>
        <li><span className="swatch mark-end" />{R.playback.legend.sessionEnd}</li>
      </ul>
    </div>
  );
}
