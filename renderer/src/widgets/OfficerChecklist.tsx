import { T } from '../../../common/deskText.js';
import { GENDER_LABELS } from '../../../common/messages.js';
import { useStation } from '../station/context.js';
import type { OfficerView } from '../../../common/views.js';

interface Props {
  readonly officers: readonly OfficerView[];
  readonly selected: readonly string[];
  readonly onChange: (ids: string[]) => void;
  readonly showGender?: boolean;
  /** Officers listed first and marked (a person's case officers). */
  readonly first?: readonly string[];
  readonly firstMark?: string;
  readonly autoFocus?: boolean;
}

/** Officers to tick, in the order they were ticked (the order is kept in the record). */
export function OfficerChecklist({ officers, selected, onChange, showGender, first = [], firstMark, autoFocus }: Props) {
  const toggle = (id: string, on: boolean): void => onChange(on ? [...selected, id] : selected.filter((x) => x !== id));
  // The first ones in their own order (主办 before 协办), then the rest in the area's order.
  const ordered = [...first.flatMap((id) => officers.filter((o) => o.id === id)), ...officers.filter((o) => !first.includes(o.id))];
  return (
    <div className="checklist">
      {ordered.map((o, i) => (
        <label key={o.id} className={`check${first.includes(o.id) ? ' check-first' : ''}`}>
          <input type="checkbox" checked={selected.includes(o.id)} onChange={(e) => toggle(o.id, e.target.checked)} autoFocus={autoFocus && i === 0} />
          <span>{o.name}（{o.id}）{showGender ? ` · ${GENDER_LABELS[o.gender]}` : ''}</span>
          {firstMark && first.includes(o.id) && <small className="badge info">{firstMark}</small>}
        </label>
      ))}
    </div>
  );
}

/** One click for a person's case officers (they most often search and question them); stays so a keyboard on it is not lost. */
export function CaseOfficersButton({ caseOfficers, selected, onChange }: { readonly caseOfficers: readonly string[]; readonly selected: readonly string[]; readonly onChange: (ids: string[]) => void }) {
  const { names } = useStation();
  const known = caseOfficers.filter((o) => names.officers.has(o));
  if (known.length === 0) return null;
  return (
    <button type="button" className="small" data-case-officers onClick={() => onChange([...selected, ...known.filter((o) => !selected.includes(o))])}>
      {T.room.start.pickCaseOfficers(known.map((o) => names.officer(o)).join('、'))}
    </button>
  );
}
