// 到案方式, with the legal time limit it starts and how far it may be extended.
import { T } from '../../../../common/deskText.js';
import { LEGAL_LIMITS } from '../../../../common/legal.js';
import { BASIS_LABELS } from '../../../../common/messages.js';
import { BASES, type Basis } from '../../../../common/vocab.js';
import { ChoiceGroup } from '../../widgets/ChoiceGroup.js';

export function limitText(basis: Basis): string {
  const limit = LEGAL_LIMITS[basis];
  if (!limit) return T.entry.noLimit;
  return `${T.entry.limit(limit.hours, limit.law)}，${limit.max === null ? T.entry.notExtendable : T.entry.extendable(limit.max)}`;
}

interface Props {
  readonly value: Basis | '';
  readonly onChange: (b: Basis) => void;
  readonly required: boolean;
  readonly error: string | undefined;
  /** The command field it fills (person.basis at entry, fields.basis in a correction). */
  readonly name?: string;
  readonly autoFocus?: boolean;
}

const CHOICES = BASES.map((b) => ({ value: b, label: BASIS_LABELS[b] }));

export function BasisField({ value, onChange, required, error, name = 'person.basis', autoFocus }: Props) {
  return (
    <ChoiceGroup legend={T.entry.basis} name={name} autoFocus={autoFocus} required={required} error={error} wide choices={CHOICES} value={value} onChange={onChange}
      hint={value ? <span data-legal-limit>{limitText(value)}</span> : required ? T.entry.basisForSuspect : undefined} />
  );
}
