// A calendar date typed as YYYY-MM-DD (loosely: 19950815, 1995/8/15, 1995年8月15日 are tidied
// when the field is left) or picked from a month (the button, or Alt+↓ in the field). Never the
// browser's own date input: that one follows the browser's language (08/15/1995).
import { useRef, useState } from 'react';
import { T } from '../../../../common/deskText.js';
import type { ControlProps } from '../Field.js';
import { normalizeDate } from '../../format/wallInput.js';
import { Calendar } from './Calendar.js';
import { usePopup } from './usePopup.js';

interface Props {
  readonly control: ControlProps;
  readonly value: string;
  readonly onChange: (text: string) => void;
  /** The field's name, for the picker's title. */
  readonly label: string;
  /** The day the picker opens on when the field is empty (YYYY-MM-DD). */
  readonly today: string;
  readonly min?: string | undefined;
  readonly max?: string | undefined;
  readonly autoFocus?: boolean;
}

export function DateInput({ control, value, onChange, label, today, min, max, autoFocus }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const box = usePopup(open, () => setOpen(false));
  const close = (): void => {
    setOpen(false);
    input.current?.focus();
  };
  const current = normalizeDate(value);
  return (
    <div className="date-input" ref={box}>
      <input {...control} ref={input} className="mono" value={value} inputMode="numeric" autoComplete="off" placeholder={T.dates.datePlaceholder}
        maxLength={12} autoFocus={autoFocus} aria-keyshortcuts="Alt+ArrowDown"
        onChange={(e) => onChange(e.target.value)}
        onBlur={() => { if (current !== null && current !== value) onChange(current); }}
        onKeyDown={(e) => { if (e.altKey && e.key === 'ArrowDown') { e.preventDefault(); setOpen(true); } }} />
      {/* Not a Tab stop: the keyboard types the date or opens the month with Alt+↓. */}
      <button type="button" className="picker-button" tabIndex={-1} aria-label={T.dates.pickDate(label)} title={`${T.dates.pickDate(label)}（Alt+↓）`}
        onClick={() => setOpen((o) => !o)}>{T.dates.pick}</button>
      {open && (
        <Calendar start={current ?? (max !== undefined && today > max ? max : today)} selected={current} min={min} max={max} label={label}
          onPick={(d) => { onChange(d); close(); }} onClose={close} />
      )}
    </div>
  );
}
