import { useEffect, useRef } from 'react';
import { createAlarmSounder, type AlarmSounder } from './alarmSound.js';

/** Sounds the alarm tone while `on`. */
export function useAlarmSound(on: boolean): void {
  const sounder = useRef<AlarmSounder | null>(null);
  useEffect(() => {
    const s = createAlarmSounder();
    sounder.current = s;
    return () => {
      s.dispose();
      sounder.current = null;
    };
  }, []);
  useEffect(() => {
    if (on) sounder.current?.start();
    else sounder.current?.stop();
  }, [on]);
}
