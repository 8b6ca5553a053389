// A calendar date typed as YYYY-MM-DD (loosely: 19950815, 1995/8/15, 1995年8月15日 are tidied
// when the field is left) or picked from a month. Never the browser's own date input: that one
// follows the browser's language (08/15/1995).
import { T } from '../../../../common/deskText.js';
import type { ControlProps } from '../Field.js';
import { normalizeDate } from '../../format/wallInput.js';
import { Calendar } from './Calendar.js';
import { PickerField } from './PickerField.js';

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
  return (
    <PickerField control={control} value={value} onChange={onChange} normalize={normalizeDate} kind="date" placeholder={T.dates.datePlaceholder}
      maxLength={12} pickLabel={T.dates.pickDate(label)} autoFocus={autoFocus}
      popup={(current, pick, close) => (
        <Calendar start={current ?? (max !== undefined && today > max ? max : today)} selected={current} min={min} max={max} label={label}
          onPick={pick} onClose={close} />
      )} />
  );
}
