// The active alarms that concern one room, acknowledged in place.
import { useState } from 'react';
import { T } from '../../../../common/deskText.js';
import type { AlarmView } from '../../../../common/views.js';
import { useStation } from '../../station/context.js';
import { AckDialog } from '../../widgets/AckDialog.js';
import { AlarmLine } from '../../widgets/AlarmLine.js';

export function RoomAlarms({ alarms }: { readonly alarms: readonly AlarmView[] }) {
  const { may } = useStation();
  const [acking, setAcking] = useState<AlarmView | null>(null);
  return (
    <section className="panel">
      <h2>{T.room.alarms}</h2>
      {alarms.length === 0 ? <p className="muted">{T.room.noAlarms}</p> : (
        <ul className="alarm-lines">{alarms.map((a) => <AlarmLine key={a.id} alarm={a} onAck={may('alarm.ack') ? setAcking : undefined} />)}</ul>
      )}
      {acking && <AckDialog alarm={acking} onClose={() => setAcking(null)} />}
    </section>
  );
}
