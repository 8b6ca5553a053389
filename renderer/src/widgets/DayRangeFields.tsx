// Two date fields for a range of days (YYYY-MM-DD, typed or picked); the parent gets each date
// in the record's form as soon as it is one, and the text as typed while it is not.
import { useEffect, useState } from 'react';
import { T } from '../../../common/deskText.js';
import { isCalendarDate } from '../../../common/dates.js';
import { formatDate } from '../../../common/zonedTime.js';
import type { DayRange } from '../format/dayRange.js';
import { normalizeDate } from '../format/wallInput.js';
import { useStation } from '../station/context.js';
import { useNow } from '../station/now.js';
import { DateInput } from './dates/DateInput.js';
import { Field } from './Field.js';

interface Props {
  readonly value: DayRange;
  readonly onChange: (range: DayRange) => void;
  /** Both ends may be left empty (an unbounded filter). */
  readonly optional?: boolean;
}

const asDate = (text: string): string => normalizeDate(text) ?? text;

export function DayRangeFields({ value, onChange, optional }: Props) {
  const { timeZone } = useStation();
  const today = formatDate(useNow(), timeZone);
  const [text, setText] = useState<DayRange>(value);
  // A range set from outside (another period, a preset) replaces what was typed.
  useEffect(() => {
    setText((t) => ({ from: asDate(t.from) === value.from ? t.from : value.from, to: asDate(t.to) === value.to ? t.to : value.to }));
  }, [value.from, value.to]);
  const set = (end: keyof DayRange, typed: string): void => {
    setText((t) => ({ ...t, [end]: typed }));
    onChange({ ...value, [end]: asDate(typed) });
  };
  const given = (s: string): boolean => !(optional && s === '');
  const bad = (given(value.from) && !isCalendarDate(value.from)) || (given(value.to) && !isCalendarDate(value.to))
    || (isCalendarDate(value.from) && isCalendarDate(value.to) && value.from > value.to);
  return (
    <>
      <Field label={T.stats.from} name="from">
        {(c) => <DateInput control={c} value={text.from} onChange={(t) => set('from', t)} label={T.stats.from} today={today} max={isCalendarDate(value.to) ? value.to : undefined} />}
      </Field>
      <Field label={T.stats.to} name="to" error={bad ? T.stats.badRange : undefined}>
        {(c) => <DateInput control={c} value={text.to} onChange={(t) => set('to', t)} label={T.stats.to} today={today} min={isCalendarDate(value.from) ? value.from : undefined} />}
      </Field>
    </>
  );
}
