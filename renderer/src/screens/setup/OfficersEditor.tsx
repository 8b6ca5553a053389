// The officers of the area with their wristbands. Those on the record stay as they are (the
// record has no command that changes an officer); new ones are registered with the save.
import type { AreaDraft, SetupOfficer } from '../../../../common/areaSetup.js';
import { GENDER_LABELS } from '../../../../common/messages.js';
import { SETUP_TEXT } from '../../../../common/setupText.js';
import { GENDERS, type Gender } from '../../../../common/vocab.js';
import { FieldGroup } from '../../widgets/FieldGroup.js';
import { CellError, invalid } from './CellError.js';
import { problemOf, useSetup } from './setupContext.js';

const O = SETUP_TEXT.officers;

export function OfficersEditor({ draft, onChange, fixed = [] }: {
  readonly draft: AreaDraft; readonly onChange: (d: AreaDraft) => void;
  /** Officers the page keeps (the wizard's administrator). */
  readonly fixed?: readonly string[];
}) {
  const { saved, problems } = useSetup();
  const officers = draft.officers;
  const registered = new Set([...(saved?.registeredOfficers ?? []), ...fixed]);
  const set = (i: number, patch: Partial<SetupOfficer>): void => onChange({ ...draft, officers: officers.map((o, j) => (j === i ? { ...o, ...patch } : o)) });
  const add = (): void => onChange({ ...draft, officers: [...officers, { id: '', name: '', gender: 'male', tag: null }] });
  const remove = (i: number): void => onChange({ ...draft, officers: officers.filter((_, j) => j !== i) });
  const error = (i: number, key: string): string | undefined => problemOf(problems, `officers.${i}.${key}`) ?? (key === 'id' ? problemOf(problems, `officers.${i}`) : undefined);
  return (
    <FieldGroup legend={O.caption} name="officers" error={problemOf(problems, 'officers')} wide>
      <table className="data setup-table officers-table">
        <thead><tr><th scope="col">{O.id}</th><th scope="col">{O.name}</th><th scope="col">{O.gender}</th><th scope="col">{O.tag}</th><th scope="col" /></tr></thead>
        <tbody>
          {officers.map((o, i) => {
            const kept = registered.has(o.id) && (saved?.registeredOfficers.includes(o.id) || fixed.includes(o.id));
            const label = `${O.caption} ${o.name || o.id || i + 1}`;
            return (
              <tr key={i} data-officer={o.id}>
                <td>
                  <input className="mono id-input" aria-label={`${label} ${O.id}`} value={o.id} readOnly={kept} {...invalid(error(i, 'id'))} onChange={(e) => set(i, { id: e.target.value })} />
                  <CellError field={`officers.${i}.id`} message={error(i, 'id')} />
                </td>
                <td>
                  <input aria-label={`${label} ${O.name}`} value={o.name} readOnly={kept} {...invalid(error(i, 'name'))} onChange={(e) => set(i, { name: e.target.value })} />
                  <CellError field={`officers.${i}.name`} message={error(i, 'name')} />
                </td>
                <td>
                  <select aria-label={`${label} ${O.gender}`} value={o.gender} disabled={kept} onChange={(e) => set(i, { gender: e.target.value as Gender })}>
                    {GENDERS.map((g) => <option key={g} value={g}>{GENDER_LABELS[g]}</option>)}
                  </select>
                </td>
                <td>
                  <input className="mono" aria-label={`${label} ${O.tag}`} value={o.tag ?? ''} readOnly={kept} {...invalid(error(i, 'tag'))} onChange={(e) => set(i, { tag: e.target.value.trim() || null })} />
                  <CellError field={`officers.${i}.tag`} message={error(i, 'tag')} />
                </td>
                <td>{kept ? <span className="muted">{O.registered}</span> : <button type="button" className="small" aria-label={`${SETUP_TEXT.rooms.remove} ${label}`} onClick={() => remove(i)}>{SETUP_TEXT.rooms.remove}</button>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" className="small" onClick={add}>{O.add}</button>
    </FieldGroup>
  );
}
