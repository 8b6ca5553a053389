// 实时画面 of one camera: the station's live stream in a video element, what it is doing when it
// shows no picture (connecting, reconnecting, refused — in the station's words), and the sound,
// off until someone turns it on (a wall of rooms talking at once helps nobody).
import { useEffect, useRef, useState } from 'react';
import { R } from '../../../common/recordingText.js';
import { liveUrl } from '../../../common/recordings.js';
import { startLive, type LiveState } from './liveView.js';

interface Props {
  readonly camera: string;
  /** What the picture shows, for screen readers and the caption. */
  readonly label: string;
  /** Start with the sound on (a view opened on purpose by a click). */
  readonly sound?: boolean;
  readonly compact?: boolean;
}

function stateText(s: LiveState): string {
  switch (s.kind) {
    case 'connecting': return R.live.connecting;
    case 'stalled': return R.live.stalled;
    case 'playing': return R.live.playing;
    case 'failed': return s.message;
  }
}

export function LivePlayer({ camera, label, sound, compact }: Props) {
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<LiveState>({ kind: 'connecting' });
  const [muted, setMuted] = useState(!sound);

  useEffect(() => {
    const v = video.current;
    if (!v) return undefined;
    return startLive(v, liveUrl(camera), setState);
  }, [camera]);
  useEffect(() => {
    if (video.current) video.current.muted = muted;
  }, [muted]);

  return (
    <figure className={`player live-player${compact ? ' compact' : ''}`} data-live={camera} data-state={state.kind}>
      <div className="player-frame">
        <video ref={video} muted playsInline aria-label={label} />
        {state.kind !== 'playing' && (
          <p className={`player-overlay${state.kind === 'failed' ? ' failed' : ''}`} role={state.kind === 'failed' ? 'alert' : 'status'}>{stateText(state)}</p>
        )}
      </div>
      <figcaption>
        <span className={`live-mark${state.kind === 'playing' ? ' on' : ''}`}>{R.live.playing}</span>
        <span className="player-label" title={label}>{label}</span>
        <button type="button" className="small" onClick={() => setMuted((m) => !m)} aria-pressed={!muted}>{muted ? R.live.unmute : R.live.mute}</button>
      </figcaption>
    </figure>
  );
}
