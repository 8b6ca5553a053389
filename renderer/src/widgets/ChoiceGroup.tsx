// A short closed choice (人员类别, 到案方式, 去向, an item's disposition) as radio buttons: one
// click with the mouse, arrow keys from the keyboard, every option in sight (no drop-down).
import { useId, type ReactNode } from 'react';
import { FieldGroup } from './FieldGroup.js';

export interface Choice<V extends string> { readonly value: V; readonly label: string }

interface Props<V extends string> {
  readonly legend: string;
  /** The command field it fills: a refusal naming it shows here. */
  readonly name: string;
  readonly choices: readonly Choice<V>[];
  readonly value: V | '';
  readonly onChange: (value: V) => void;
  readonly error?: string | undefined;
  readonly hint?: ReactNode;
  readonly required?: boolean;
  readonly wide?: boolean;
  readonly autoFocus?: boolean;
  /** Compact (inside a table row): the legend is read by screen readers only. */
  readonly inline?: boolean;
}

export function ChoiceGroup<V extends string>({ legend, name, choices, value, onChange, error, hint, required, wide, autoFocus, inline }: Props<V>) {
  const group = useId();
  return (
    <FieldGroup legend={legend} name={name} error={error} hint={hint} required={required} wide={wide} className={`choice-group${inline ? ' choice-inline' : ''}`}>
      <div className="choices" role="presentation">
        {choices.map((c, i) => (
          <label key={c.value} className={`choice${c.value === value ? ' chosen' : ''}`} data-choice={c.value}>
            <input type="radio" name={group} value={c.value} checked={c.value === value} onChange={() => onChange(c.value)}
              autoFocus={autoFocus && (value === '' ? i === 0 : c.value === value)} />
            <span>{c.label}</span>
          </label>
        ))}
      </div>
    </FieldGroup>
  );
}
