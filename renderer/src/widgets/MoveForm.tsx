// Registering where someone is, by hand (areas or rooms without readers): a person or an officer.
// `suggested`: rooms offered as one click each (where a returned person was before, waiting rooms
// that break no rule for a new person).
import { useState, type FormEvent } from 'react';
import { T } from '../../../common/deskText.js';
import { ROOM_KIND_LABELS } from '../../../common/messages.js';
import { useStation } from '../station/context.js';
import { useSubmit } from '../station/useSubmit.js';
import { Field, FormError } from './Field.js';

/** The select's value for "place not known" (the command's room: null). */
const UNKNOWN = '';

interface Props {
  readonly who: string;
  readonly current: string | null;
  readonly label?: string;
  readonly suggested?: readonly string[];
  readonly autoFocus?: boolean;
}

export function MoveForm({ who, current, label, suggested = [], autoFocus }: Props) {
  const { overview, names } = useStation();
  const [room, setRoom] = useState(current ?? UNKNOWN);
  const submission = useSubmit();
  const move = async (to: string): Promise<void> => {
    await submission.run({ type: 'person.move', who, room: to === UNKNOWN ? null : to });
  };
  const offers = suggested.filter((r) => r !== current);
  return (
    <form {...submission.form} className="inline-form" onSubmit={(e: FormEvent) => { e.preventDefault(); void move(room); }} data-move-form={who}>
      <Field label={label ?? T.actions.moveTo} name="room" error={submission.errorFor('room')}>
        {(c) => (
          <select {...c} value={room} onChange={(e) => setRoom(e.target.value)} autoFocus={autoFocus}>
            <option value={UNKNOWN}>{T.actions.unknownPlace}</option>
            {(overview?.rooms ?? []).map((r) => <option key={r.id} value={r.id}>{r.name}（{ROOM_KIND_LABELS[r.kind]}）</option>)}
          </select>
        )}
      </Field>
      <button type="submit" disabled={submission.busy || room === (current ?? UNKNOWN)}>{T.actions.moveButton}</button>
      {offers.map((r, i) => (
        <button key={r} type="button" className={i === 0 ? 'primary' : ''} disabled={submission.busy} onClick={() => void move(r)} data-suggested={r}>
          {T.actions.toRoom(names.room(r))}
        </button>
      ))}
      <FormError message={submission.unclaimed(['room'])} />
    </form>
  );
}
