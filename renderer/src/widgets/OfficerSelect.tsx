import { T } from '../../../common/deskText.js';
import type { OfficerView } from '../../../common/views.js';
import type { ControlProps } from './Field.js';

interface Props {
  readonly control: ControlProps;
  readonly officers: readonly OfficerView[];
  readonly value: string;
  readonly onChange: (id: string) => void;
  readonly exclude?: readonly string[];
}

export function OfficerSelect({ control, officers, value, onChange, exclude = [] }: Props) {
  return (
    <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{T.common.choose}</option>
      {officers.filter((o) => o.id === value || !exclude.includes(o.id)).map((o) => (
        <option key={o.id} value={o.id}>{T.common.officerWithId(o.name, o.id)}</option>
      ))}
    </select>
  );
}
