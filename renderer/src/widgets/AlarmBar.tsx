// The alarm bar under the header on every screen: the most urgent alarms — active ones and the
// critical ones that ended unacknowledged (已解除·待确认) — a tone while a critical one is
// unacknowledged (or, when the browser has not let the page sound yet, a button that does), and
// acknowledgement in place.
import { useMemo, useState } from 'react';
import { T } from '../../../common/deskText.js';
import type { AlarmView } from '../../../common/views.js';
import { routeHref } from '../router/route.js';
import { alarmAudio } from '../station/alarmAudio.js';
import { useStation } from '../station/context.js';
import { alarmOrder, soundsAlarm } from '../station/liveAlarms.js';
import { AckDialog } from './AckDialog.js';
import { AlarmLine } from './AlarmLine.js';
import { useAlarmSound } from './useAlarmSound.js';
import { useAttention } from './useAttention.js';

/** Lines the bar shows; the rest are a link away, so the bar never pushes the screen off a 768-pixel monitor. */
const SHOWN = 3;

export function AlarmBar() {
  const { alarms, awaitingAck, may } = useStation();
  const [acking, setAcking] = useState<AlarmView | null>(null);
  const mayAck = may('alarm.ack');
  const all = useMemo(() => [...alarms, ...awaitingAck].sort(alarmOrder), [alarms, awaitingAck]);
  const unacknowledged = all.filter(soundsAlarm);
  // The tone asks for an acknowledgement: a read-only account (a supervisor) could never stop it,
  // so it sees the critical state without the sound.
  const sounding = unacknowledged.length > 0 && mayAck;
  const audio = useAlarmSound(sounding);
  useAttention(mayAck ? unacknowledged : []);
  const critical = alarms.filter((a) => a.severity === 'critical').length;
  const state = sounding ? 'sounding' : unacknowledged.length > 0 ? 'critical' : all.length > 0 ? 'active' : 'quiet';
  const onAck = mayAck ? setAcking : undefined;

  return (
    <section className={`alarm-bar alarm-bar-${state}`} aria-label={T.alarmBar.label} data-sounding={sounding} data-audio={audio}>
      <div className="alarm-bar-head">
        <strong aria-live="polite">
          {all.length === 0 ? T.alarmBar.none : T.alarmBar.counts(critical, alarms.length - critical)}
          {awaitingAck.length > 0 && ` · ${T.alarmBar.awaitingCount(awaitingAck.length)}`}
        </strong>
        {sounding && audio === 'running' && <span className="sounding-note">{T.alarmBar.sounding}</span>}
        {sounding && audio === 'blocked' && (
          <button type="button" className="enable-sound" title={T.alarmBar.enableSoundHint} onClick={() => alarmAudio.prime()}>{T.alarmBar.enableSound}</button>
        )}
        {sounding && audio === 'unavailable' && <span className="sounding-note">{T.alarmBar.noAudio}</span>}
        <a href={routeHref({ name: 'alarms' })}>{all.length > SHOWN ? T.alarmBar.more(all.length - SHOWN) : T.alarmBar.all}</a>
      </div>
      {all.length > 0 && (
        <ul className="alarm-lines">
          {all.slice(0, SHOWN).map((a) => <AlarmLine key={a.id} alarm={a} onAck={onAck} />)}
        </ul>
      )}
      {acking && <AckDialog alarm={acking} onClose={() => setAcking(null)} />}
    </section>
  );
}
