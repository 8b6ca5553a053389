// The alarm bar under the header on every screen: the most urgent active alarms, a tone while a
// critical one is unacknowledged, and acknowledgement in place.
import { useState } from 'react';
import { T } from '../../../common/deskText.js';
import type { AlarmView } from '../../../common/views.js';
import { routeHref } from '../router/route.js';
import { useStation } from '../station/context.js';
import { soundsAlarm } from '../station/liveAlarms.js';
import { AckDialog } from './AckDialog.js';
import { AlarmLine } from './AlarmLine.js';
import { useAlarmSound } from './useAlarmSound.js';

/** Lines the bar shows; the rest are a link away, so the bar never pushes the screen off a 768-pixel monitor. */
const SHOWN = 3;

export function AlarmBar() {
  const { alarms, may } = useStation();
  const [acking, setAcking] = useState<AlarmView | null>(null);
  const mayAck = may('alarm.ack');
  const unacknowledged = alarms.some(soundsAlarm);
  // The tone asks for an acknowledgement: a read-only account (a supervisor) could never stop it,
  // so it sees the critical state without the sound.
  const sounding = unacknowledged && mayAck;
  useAlarmSound(sounding);
  const critical = alarms.filter((a) => a.severity === 'critical').length;
  const state = sounding ? 'sounding' : unacknowledged ? 'critical' : alarms.length > 0 ? 'active' : 'quiet';
  const onAck = mayAck ? setAcking : undefined;

  return (
    <section className={`alarm-bar alarm-bar-${state}`} aria-label={T.alarmBar.label} data-sounding={sounding}>
      <div className="alarm-bar-head">
        <strong aria-live="polite">{alarms.length === 0 ? T.alarmBar.none : T.alarmBar.counts(critical, alarms.length - critical)}</strong>
        {sounding && <span className="sounding-note">{T.alarmBar.sounding}</span>}
        <a href={routeHref({ name: 'alarms' })}>{alarms.length > SHOWN ? T.alarmBar.more(alarms.length - SHOWN) : T.alarmBar.all}</a>
      </div>
      {alarms.length > 0 && (
        <ul className="alarm-lines">
          {alarms.slice(0, SHOWN).map((a) => <AlarmLine key={a.id} alarm={a} onAck={onAck} />)}
        </ul>
      )}
      {acking && <AckDialog alarm={acking} onClose={() => setAcking(null)} />}
    </section>
  );
}
