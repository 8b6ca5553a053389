// The alarm tone, generated with WebAudio (no sound file to ship): two short beeps a second while
// a critical alarm is unacknowledged. Browsers keep a page's audio suspended until someone has
// clicked or typed in it, so the one audio context of the page is resumed on every click and key
// — the sign-in click included — and the page can tell whether the tone would be heard (a reload
// leaves it suspended until the next touch: the alarm bar then asks for one).
const BEEPS: readonly { readonly hz: number; readonly at: number }[] = [{ hz: 880, at: 0 }, { hz: 660, at: 0.22 }];
const BEEP_SECONDS = 0.18;
const PERIOD_MS = 1200;

/** running: it would be heard; blocked: the browser waits for a click or key; unavailable: no WebAudio. */
export type AudioState = 'running' | 'blocked' | 'unavailable';

type AudioContextCtor = new () => AudioContext;

function audioContextClass(): AudioContextCtor | null {
  if (typeof window === 'undefined') return null;
  const w = window as unknown as { AudioContext?: AudioContextCtor; webkitAudioContext?: AudioContextCtor };
  return w.AudioContext ?? w.webkitAudioContext ?? null;
}

export interface AlarmAudio {
  state(): AudioState;
  subscribe(onChange: () => void): () => void;
  /** From a click or key: creates or resumes the context (only then may a browser let it play). */
  prime(): void;
  start(): void;
  stop(): void;
}

/** `Ctor`: the AudioContext class (looked up on the page when first needed unless given). */
export function createAlarmAudio(given?: AudioContextCtor | null): AlarmAudio {
  let ctx: AudioContext | null = null;
  const ctor = (): AudioContextCtor | null => (given === undefined ? audioContextClass() : given);
  let timer: ReturnType<typeof setInterval> | null = null;
  const listeners = new Set<() => void>();
  const notify = (): void => { for (const l of listeners) l(); };

  const context = (): AudioContext | null => {
    const Ctor = ctor();
    if (!Ctor) return null;
    if (!ctx) {
      ctx = new Ctor();
      ctx.addEventListener('statechange', notify);
    }
    return ctx;
  };

  const beep = (): void => {
    if (!ctx || ctx.state !== 'running') return;
    const t0 = ctx.currentTime;
    for (const b of BEEPS) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'square';
      osc.frequency.value = b.hz;
      gain.gain.setValueAtTime(0.0001, t0 + b.at);
      gain.gain.exponentialRampToValueAtTime(0.2, t0 + b.at + 0.01);
      gain.gain.exponentialRampToValueAtTime(0.0001, t0 + b.at + BEEP_SECONDS);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t0 + b.at);
      osc.stop(t0 + b.at + BEEP_SECONDS + 0.02);
    }
  };

  return {
    state() {
      if (!ctor()) return 'unavailable';
      return ctx?.state === 'running' ? 'running' : 'blocked';
    },
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    prime() {
      const c = context();
      if (c && c.state !== 'running') void c.resume().then(notify, () => undefined);
    },
    start() {
      if (timer) return;
      // Created (suspended if no one has touched the page yet) so that its state can be told.
      context();
      notify();
      beep();
      timer = setInterval(beep, PERIOD_MS);
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}

/** The page's one alarm tone. */
export const alarmAudio = createAlarmAudio();

/** Resumes the tone's audio on every click and key anywhere on the page (capture: before anything else runs). Returns the removal. */
export function primeOnGestures(audio: AlarmAudio = alarmAudio): () => void {
  const prime = (): void => { if (audio.state() === 'blocked') audio.prime(); };
  const events = ['pointerdown', 'keydown'] as const;
  for (const e of events) window.addEventListener(e, prime, true);
  return () => { for (const e of events) window.removeEventListener(e, prime, true); };
}
