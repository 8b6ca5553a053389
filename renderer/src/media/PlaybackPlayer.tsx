// 录像回放 of a room over a span (a session, a person's stay): one camera at a time, continuous
// across segments, on a time scale that shows the gaps and the session's start and end; seek by
// the scale, speed ×1/×2/×4. What the station refuses to play — a segment missing or changed
// since it was recorded — is said on the page, never passed over in silence.
import { useEffect, useMemo, useRef, useState } from 'react';
import { R } from '../../../common/recordingText.js';
import { playbackUrl, type PlaybackFor, type RecordingPlan } from '../../../common/recordings.js';
import { formatClock, formatDateTimeSeconds } from '../../../common/zonedTime.js';
import { PlaybackView, type PlaybackState, type RefusedMarker } from './playbackView.js';
import { TimeScale, type ScaleMark } from './TimeScale.js';

interface Props {
  readonly plan: RecordingPlan;
  readonly purpose: PlaybackFor;
  readonly marks: readonly ScaleMark[];
  readonly timeZone: string;
}

const SPEEDS = [1, 2, 4] as const;

function stateText(s: PlaybackState): string | null {
  switch (s.kind) {
    case 'loading': return R.playback.loading;
    case 'ended': return R.playback.ended;
    case 'failed': return s.message;
    case 'playing':
    case 'paused':
      return null;
  }
}

export function PlaybackPlayer({ plan, purpose, marks, timeZone }: Props) {
  const [camera, setCamera] = useState(plan.cameras[0]?.camera ?? '');
  const cameraPlan = plan.cameras.find((c) => c.camera === camera) ?? plan.cameras[0];
  const video = useRef<HTMLVideoElement>(null);
  const view = useRef<PlaybackView | null>(null);
  const [state, setState] = useState<PlaybackState>({ kind: 'loading' });
  const [position, setPosition] = useState<number | null>(null);
  const [rate, setRate] = useState<number>(1);
  const [refused, setRefused] = useState<RefusedMarker[]>([]);
  const [skipped, setSkipped] = useState<{ from: number; to: number } | null>(null);
  const t = (ms: number): string => formatClock(ms, timeZone);
  const purposeKey = JSON.stringify(purpose);
  const firstRecorded = cameraPlan?.pieces.find((p) => p.kind === 'recorded')?.from ?? plan.from;
  const changedUpFront = useMemo(() => cameraPlan?.pieces.filter((p) => p.kind === 'changed') ?? [], [cameraPlan]);
  const gaps = useMemo(() => cameraPlan?.pieces.filter((p) => p.kind === 'gap') ?? [], [cameraPlan]);

  useEffect(() => {
    const v = video.current;
    if (!v || !camera) return undefined;
    setRefused([]);
    setSkipped(null);
    setPosition(null);
    const span = { from: plan.from, to: plan.to };
    const forWhom = JSON.parse(purposeKey) as PlaybackFor;
    const pv = new PlaybackView(v, (at) => playbackUrl(camera, span, at, forWhom), {
      state: setState,
      position: setPosition,
      refused: (m) => setRefused((list) => (list.some((x) => x.seq === m.seq) ? list : [...list, m])),
      skipped: (from, to) => setSkipped({ from, to }),
    });
    view.current = pv;
    pv.seek(firstRecorded);
    return () => {
      pv.stop();
      view.current = null;
    };
  }, [camera, plan.from, plan.to, purposeKey, firstRecorded]);

  const changeRate = (r: number): void => {
    setRate(r);
    view.current?.setRate(r);
  };
  const playing = state.kind === 'playing';
  const note = stateText(state);
  const noRecording = !cameraPlan || cameraPlan.pieces.every((p) => p.kind !== 'recorded' && p.kind !== 'changed');

  return (
    <section className="panel playback" data-playback={camera}>
      <div className="playback-head">
        <h2>{R.playback.title}</h2>
        {plan.cameras.length > 1 && (
          <label className="inline-field">{R.playback.camera}
            <select value={camera} onChange={(e) => setCamera(e.target.value)}>
              {plan.cameras.map((c) => <option key={c.camera} value={c.camera}>{c.camera}</option>)}
            </select>
          </label>
        )}
        {position !== null && <span className="mono playback-clock" data-position={position}>{R.playback.position(formatDateTimeSeconds(position, timeZone))}</span>}
      </div>
      {noRecording ? <p className="note">{R.playback.noRecording}</p> : (
        <>
          <div className="player-frame playback-frame">
            <video ref={video} playsInline aria-label={`${R.playback.title} ${camera}`} />
            {note && <p className={`player-overlay${state.kind === 'failed' ? ' failed' : ''}`} role={state.kind === 'failed' ? 'alert' : 'status'}>{note}</p>}
          </div>
          <div className="playback-controls">
            <button type="button" className="primary" onClick={() => (playing ? view.current?.pause() : view.current?.play())}>
              {playing ? R.playback.pause : R.playback.play}
            </button>
            <span className="speed" role="group" aria-label={R.playback.speed}>
              {SPEEDS.map((s) => (
                <button key={s} type="button" className="small" aria-pressed={rate === s} onClick={() => changeRate(s)}>{R.playback.speedLabel(s)}</button>
              ))}
            </span>
          </div>
          <TimeScale from={plan.from} to={plan.to} pieces={cameraPlan?.pieces ?? []} refused={refused.map((r) => ({ from: r.wallStart, to: r.wallEnd }))}
            marks={marks} position={position} timeZone={timeZone} onSeek={(at) => view.current?.seek(at)} />
        </>
      )}
      {(refused.length > 0 || changedUpFront.length > 0) && (
        <div className="form-error" role="alert" data-refused={refused.length + changedUpFront.length}>
          {changedUpFront.filter((p) => p.kind === 'changed' && !refused.some((r) => r.seq === p.seq)).map((p) => <p key={`c-${p.from}`}>{R.playback.refused.changed(t(p.from), t(p.to))}</p>)}
          {refused.map((r) => (
            <p key={r.seq}>
              {R.playback.refused[r.reason](t(r.wallStart), t(r.wallEnd))}
              {r.reason === 'changed' && <small className="mono"> {R.playback.hashes(r.expected.slice(0, 16), (r.found ?? '').slice(0, 16))}</small>}
            </p>
          ))}
        </div>
      )}
      {skipped && <p className="muted" role="status">{R.playback.skipped(t(skipped.from), t(skipped.to))}</p>}
      {gaps.length > 0 && (
        <details className="gap-list">
          <summary>{R.session.gaps(gaps.length)}</summary>
          <ul className="plain">
            {gaps.map((g) => g.kind === 'gap' && <li key={g.from}>{R.playback.gap(t(g.from), t(g.to))}：{R.playback.gapReason[g.reason]}</li>)}
          </ul>
        </details>
      )}
    </section>
  );
}
