import { useEffect, useSyncExternalStore } from 'react';
import { alarmAudio, type AudioState } from '../station/alarmAudio.js';

/** Sounds the alarm tone while `on`; says whether it can be heard. */
export function useAlarmSound(on: boolean): AudioState {
  useEffect(() => {
    if (!on) return;
    alarmAudio.start();
    return () => alarmAudio.stop();
  }, [on]);
  return useSyncExternalStore(alarmAudio.subscribe, alarmAudio.state, () => 'unavailable');
}
