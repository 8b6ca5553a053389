// Registering where someone is, by hand (areas or rooms without readers): a person or an officer.
import { useState, type FormEvent } from 'react';
import { T } from '../../../common/deskText.js';
import { ROOM_KIND_LABELS } from '../../../common/messages.js';
import { useStation } from '../station/context.js';
import { useSubmit } from '../station/useSubmit.js';
import { Field, FormError } from './Field.js';

/** The select's value for "place not known" (the command's room: null). */
const UNKNOWN = '';

export function MoveForm({ who, current, label }: { readonly who: string; readonly current: string | null; readonly label?: string }) {
  const { overview } = useStation();
  const [room, setRoom] = useState(current ?? UNKNOWN);
  const submission = useSubmit();
  const move = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    await submission.run({ type: 'person.move', who, room: room === UNKNOWN ? null : room });
  };
  return (
    <form className="inline-form" onSubmit={(e) => void move(e)} data-move-form={who}>
      <Field label={label ?? T.actions.moveTo} name="room" error={submission.errorFor('room')}>
        {(c) => (
          <select {...c} value={room} onChange={(e) => setRoom(e.target.value)}>
            <option value={UNKNOWN}>{T.actions.unknownPlace}</option>
            {(overview?.rooms ?? []).map((r) => <option key={r.id} value={r.id}>{r.name}（{ROOM_KIND_LABELS[r.kind]}）</option>)}
          </select>
        )}
      </Field>
      <button type="submit" disabled={submission.busy || room === (current ?? UNKNOWN)}>{T.actions.moveButton}</button>
      <FormError message={submission.unclaimed(['room'])} />
    </form>
  );
}
