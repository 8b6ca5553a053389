// A text field for a date or a time with a picker beside it: what is typed is tidied to the
// record's form when the field is left; the picker opens from its button (not a Tab stop) or with
// Alt+↓ in the field, and gives the keyboard back to the field when it closes.
import { useRef, useState, type ReactNode } from 'react';
import { T } from '../../../../common/deskText.js';
import type { ControlProps } from '../Field.js';
import { usePopup } from '../usePopup.js';

interface Props {
  readonly control: ControlProps;
  readonly value: string;
  readonly onChange: (text: string) => void;
  /** The record's form of what was typed, or null when it is not one. */
  readonly normalize: (text: string) => string | null;
  readonly kind: 'date' | 'time';
  readonly placeholder: string;
  readonly maxLength: number;
  /** The picker's name (选择出生日期). */
  readonly pickLabel: string;
  readonly autoFocus?: boolean | undefined;
  readonly popup: (current: string | null, pick: (value: string) => void, close: () => void) => ReactNode;
}

export function PickerField({ control, value, onChange, normalize, kind, placeholder, maxLength, pickLabel, autoFocus, popup }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const box = usePopup(open, () => setOpen(false));
  const close = (): void => {
    setOpen(false);
    input.current?.focus();
  };
  const current = normalize(value);
  return (
    <div className={`${kind}-input`} ref={box}>
      <input {...control} ref={input} className="mono" value={value} inputMode="numeric" autoComplete="off" placeholder={placeholder}
        maxLength={maxLength} autoFocus={autoFocus} aria-keyshortcuts="Alt+ArrowDown"
        onChange={(e) => onChange(e.target.value)}
        onBlur={() => { if (current !== null && current !== value) onChange(current); }}
        onKeyDown={(e) => { if (e.altKey && e.key === 'ArrowDown') { e.preventDefault(); setOpen(true); } }} />
      <button type="button" className="picker-button" tabIndex={-1} aria-label={pickLabel} title={`${pickLabel}（Alt+↓）`}
        onClick={() => setOpen((o) => !o)}>{T.dates.pick}</button>
      {open && popup(current, (v) => { onChange(v); close(); }, close)}
    </div>
  );
}
