// The rooms of the area: name, kind, capacity and the two flags, which follow the kind until set
// otherwise (a change of kind sets them back to the new kind's defaults, as the record will).
import { NumberInput } from '../../widgets/NumberInput.js';
import type { AreaDraft, SetupRoom } from '../../../../common/areaSetup.js';
import { ROOM_KIND_LABELS } from '../../../../common/messages.js';
import { SETUP_TEXT } from '../../../../common/setupText.js';
import { guardRequiredByDefault, recordingRequiredByDefault, ROOM_KINDS, type RoomKind } from '../../../../common/vocab.js';
import { FieldGroup } from '../../widgets/FieldGroup.js';
import { CellError, invalid } from './CellError.js';
import { problemOf, useSetup } from './setupContext.js';

const R = SETUP_TEXT.rooms;

function nextId(rooms: readonly SetupRoom[]): string {
  for (let n = rooms.length + 1; ; n++) if (!rooms.some((r) => r.id === `R${n}`)) return `R${n}`;
}

export function RoomsEditor({ draft, onChange }: { readonly draft: AreaDraft; readonly onChange: (d: AreaDraft) => void }) {
  const { saved, problems } = useSetup();
  const rooms = draft.rooms;
  const set = (i: number, patch: Partial<SetupRoom>): void => onChange({ ...draft, rooms: rooms.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  const setKind = (i: number, kind: RoomKind): void => set(i, { kind, recordingRequired: recordingRequiredByDefault(kind), guardRequired: guardRequiredByDefault(kind) });
  const add = (): void => onChange({ ...draft, rooms: [...rooms, { id: nextId(rooms), name: '', kind: 'waiting', capacity: null, recordingRequired: false, guardRequired: false }] });
  const remove = (i: number): void => onChange({ ...draft, rooms: rooms.filter((_, j) => j !== i) });
  const error = (i: number, key: string): string | undefined => problemOf(problems, `rooms.${i}.${key}`);
  return (
    <FieldGroup legend={R.caption} name="rooms" error={problemOf(problems, 'rooms')} wide>
      <table className="data setup-table rooms-table">
        <thead>
          <tr>
            <th scope="col">{R.id}</th><th scope="col">{R.name}</th><th scope="col">{R.kind}</th><th scope="col">{R.capacity}</th>
            <th scope="col">{R.recording}</th><th scope="col">{R.guard}</th><th scope="col"><span className="visually-hidden">{R.remove}</span></th>
          </tr>
        </thead>
        <tbody>
          {rooms.map((r, i) => {
            const present = saved?.present[r.id] ?? 0;
            const busy = saved?.inSession.includes(r.id) ?? false;
            const label = r.name || r.id || String(i + 1);
            return (
              <tr key={i} data-room={r.id}>
                <td>
                  <input className="mono id-input" aria-label={`${R.caption} ${i + 1} ${R.id}`} value={r.id} {...invalid(error(i, 'id'))}
                    readOnly={saved?.draft.rooms.some((x) => x.id === r.id) ?? false} onChange={(e) => set(i, { id: e.target.value })} />
                  <CellError field={`rooms.${i}.id`} message={error(i, 'id')} />
                </td>
                <td>
                  <input aria-label={`${R.caption} ${i + 1} ${R.name}`} value={r.name} {...invalid(error(i, 'name'))} onChange={(e) => set(i, { name: e.target.value })} />
                  <CellError field={`rooms.${i}.name`} message={error(i, 'name')} />
                  {(present > 0 || busy) && (
                    <div className="badges">
                      {present > 0 && <span className="badge info">{R.present(present)}</span>}
                      {busy && <span className="badge warn">{R.inSession}</span>}
                    </div>
                  )}
                </td>
                <td>
                  <select aria-label={`${label} ${R.kind}`} value={r.kind} onChange={(e) => setKind(i, e.target.value as RoomKind)}>
                    {ROOM_KINDS.map((k) => <option key={k} value={k}>{ROOM_KIND_LABELS[k]}</option>)}
                  </select>
                </td>
                <td>
                  <NumberInput className="col-short" inputMode="numeric" aria-label={`${label} ${R.capacity}`} placeholder={R.capacityHint}
                    value={r.capacity} {...invalid(error(i, 'capacity'))}
                    onValue={(n) => set(i, { capacity: n })} />
                  <CellError field={`rooms.${i}.capacity`} message={error(i, 'capacity')} />
                </td>
                <td className="col-check"><input type="checkbox" aria-label={`${label} ${R.recording}`} checked={r.recordingRequired} onChange={(e) => set(i, { recordingRequired: e.target.checked })} /></td>
                <td className="col-check"><input type="checkbox" aria-label={`${label} ${R.guard}`} checked={r.guardRequired} onChange={(e) => set(i, { guardRequired: e.target.checked })} /></td>
                <td><button type="button" className="small" aria-label={`${R.remove} ${label}`} onClick={() => remove(i)}>{R.remove}</button></td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="field-hint">{R.flagsHint}</p>
      <button type="button" className="small" onClick={add}>{R.add}</button>
    </FieldGroup>
  );
}
