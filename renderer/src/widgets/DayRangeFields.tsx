// Two date fields for a range of days; the range is passed on only when it is one.
import { T } from '../../../common/deskText.js';
import { isCalendarDate } from '../../../common/dates.js';
import type { DayRange } from '../format/dayRange.js';
import { Field } from './Field.js';

interface Props {
  readonly value: DayRange;
  readonly onChange: (range: DayRange) => void;
}

export function DayRangeFields({ value, onChange }: Props) {
  const bad = !isCalendarDate(value.from) || !isCalendarDate(value.to) || value.from > value.to;
  return (
    <>
      <Field label={T.stats.from} name="from">
        {(c) => <input {...c} type="date" value={value.from} max={value.to || undefined} onChange={(e) => onChange({ ...value, from: e.target.value })} />}
      </Field>
      <Field label={T.stats.to} name="to" error={bad ? T.stats.badRange : undefined}>
        {(c) => <input {...c} type="date" value={value.to} min={value.from || undefined} onChange={(e) => onChange({ ...value, to: e.target.value })} />}
      </Field>
    </>
  );
}
