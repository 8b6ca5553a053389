// The alarm tone, generated with WebAudio (no sound file to ship): two short beeps a second,
// repeated while a critical alarm is unacknowledged. Browsers keep audio suspended until the user
// has interacted with the page, so the context is resumed on the next key or click.
const BEEPS: readonly { readonly hz: number; readonly at: number }[] = [{ hz: 880, at: 0 }, { hz: 660, at: 0.22 }];
const BEEP_SECONDS = 0.18;
const PERIOD_MS = 1200;

type AudioContextCtor = new () => AudioContext;

function audioContextClass(): AudioContextCtor | null {
  const w = window as unknown as { AudioContext?: AudioContextCtor; webkitAudioContext?: AudioContextCtor };
  return w.AudioContext ?? w.webkitAudioContext ?? null;
}

export interface AlarmSounder {
  start(): void;
  stop(): void;
  dispose(): void;
}

export function createAlarmSounder(): AlarmSounder {
  const Ctor = audioContextClass();
  let ctx: AudioContext | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;

  const resume = (): void => { void ctx?.resume().catch(() => undefined); };
  const gestures = ['pointerdown', 'keydown'] as const;

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
    start() {
      if (!Ctor || timer) return;
      ctx ??= new Ctor();
      resume();
      for (const g of gestures) window.addEventListener(g, resume);
      beep();
      timer = setInterval(beep, PERIOD_MS);
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
      for (const g of gestures) window.removeEventListener(g, resume);
    },
    dispose() {
      this.stop();
      void ctx?.close().catch(() => undefined);
      ctx = null;
    },
  };
}
