// An instant as the desk gives it: a date (YYYY-MM-DD) and a 24-hour time (HH:mm) in the
// station's time zone, each typed or picked, with buttons for the usual "in N hours".
import { T } from '../../../../common/deskText.js';
import { formatDate, fromWallInput, toWallInput } from '../../../../common/zonedTime.js';
import { normalizeDate, normalizeTime } from '../../format/wallInput.js';
import { Field } from '../Field.js';
import { FieldGroup } from '../FieldGroup.js';
import { DateInput } from './DateInput.js';
import { TimeInput } from './TimeInput.js';

export interface WallText { readonly date: string; readonly time: string }

export function wallText(ms: number, timeZone: string): WallText {
  const [date = '', time = ''] = toWallInput(ms, timeZone).split('T');
  return { date, time };
}

/** The instant the texts name in the zone; null when either is not one. */
export function wallInstant(value: WallText, timeZone: string): number | null {
  const date = normalizeDate(value.date);
  const time = normalizeTime(value.time);
  return date === null || time === null ? null : fromWallInput(`${date}T${time}`, timeZone);
}

interface Props {
  readonly legend: string;
  /** The command field (a refusal naming it shows here). */
  readonly name: string;
  readonly value: WallText;
  readonly onChange: (value: WallText) => void;
  readonly error?: string | undefined;
  readonly required?: boolean;
  readonly now: number;
  readonly timeZone: string;
  /** Offered as one-click choices: this many hours from now. */
  readonly laterHours?: readonly number[];
}

export function DateTimeFields({ legend, name, value, onChange, error, required, now, timeZone, laterHours = [] }: Props) {
  const today = formatDate(now, timeZone);
  return (
    <FieldGroup legend={legend} name={name} error={error} required={required} className="datetime-group">
      <div className="datetime-fields">
        <Field label={T.dates.date} name={`${name}.date`}>
          {(c) => <DateInput control={{ ...c, ...(error ? { 'aria-invalid': true } : {}) }} value={value.date} label={legend} today={today}
            onChange={(date) => onChange({ ...value, date })} />}
        </Field>
        <Field label={T.dates.time} name={`${name}.time`}>
          {(c) => <TimeInput control={{ ...c, ...(error ? { 'aria-invalid': true } : {}) }} value={value.time} label={legend}
            onChange={(time) => onChange({ ...value, time })} />}
        </Field>
        {laterHours.length > 0 && (
          <div className="later-buttons" role="group" aria-label={legend}>
            {laterHours.map((h) => (
              <button key={h} type="button" className="small" tabIndex={-1} onClick={() => onChange(wallText(now + h * 3_600_000, timeZone))}>{T.dates.later(h)}</button>
            ))}
          </div>
        )}
      </div>
    </FieldGroup>
  );
}
