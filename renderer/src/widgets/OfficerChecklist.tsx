import { GENDER_LABELS } from '../../../common/messages.js';
import type { OfficerView } from '../../../common/views.js';

interface Props {
  readonly officers: readonly OfficerView[];
  readonly selected: readonly string[];
  readonly onChange: (ids: string[]) => void;
  readonly showGender?: boolean;
}

/** Officers to tick, in the order they were ticked (the order is kept in the record). */
export function OfficerChecklist({ officers, selected, onChange, showGender }: Props) {
  const toggle = (id: string, on: boolean): void => onChange(on ? [...selected, id] : selected.filter((x) => x !== id));
  return (
    <div className="checklist">
      {officers.map((o) => (
        <label key={o.id} className="check">
          <input type="checkbox" checked={selected.includes(o.id)} onChange={(e) => toggle(o.id, e.target.checked)} />
          <span>{o.name}（{o.id}）{showGender ? ` · ${GENDER_LABELS[o.gender]}` : ''}</span>
        </label>
      ))}
    </div>
  );
}
