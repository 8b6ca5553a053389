// A time of day typed as 24-hour HH:mm (loosely: 315, 3:15, 15点 are tidied when the field is
// left) or picked from a list of half hours.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { T } from '../../../../common/deskText.js';
import type { ControlProps } from '../Field.js';
import { normalizeTime } from '../../format/wallInput.js';
import { PickerField } from './PickerField.js';

const TIMES = Array.from({ length: 48 }, (_, i) => `${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`);

interface Props {
  readonly control: ControlProps;
  readonly value: string;
  readonly onChange: (text: string) => void;
  readonly label: string;
}

function TimeList({ selected, label, onPick, onClose }: { readonly selected: string | null; readonly label: string; readonly onPick: (t: string) => void; readonly onClose: () => void }) {
  const nearest = selected === null ? '08:00' : TIMES.reduce((a, b) => (b <= selected ? b : a), TIMES[0] ?? '00:00');
  const [focus, setFocus] = useState(TIMES.indexOf(nearest));
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const el = list.current?.querySelector<HTMLElement>(`[data-index="${focus}"]`);
    el?.focus();
    el?.scrollIntoView?.({ block: 'nearest' });
  }, [focus]);
  const onKeyDown = (e: KeyboardEvent): void => {
    const step: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 6, PageUp: -6 };
    if (e.key in step) {
      e.preventDefault();
      setFocus((f) => Math.min(TIMES.length - 1, Math.max(0, f + (step[e.key] ?? 0))));
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onPick(TIMES[focus] ?? '00:00');
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    }
  };
  return (
    <ul className="time-list" role="listbox" aria-label={T.dates.pickTime(label)} ref={list} onKeyDown={onKeyDown}>
      {TIMES.map((t, i) => (
        <li key={t} role="option" data-index={i} tabIndex={i === focus ? 0 : -1} aria-selected={t === selected} onClick={() => onPick(t)}>{t}</li>
      ))}
    </ul>
  );
}

export function TimeInput({ control, value, onChange, label }: Props) {
  return (
    <PickerField control={control} value={value} onChange={onChange} normalize={normalizeTime} kind="time" placeholder={T.dates.timePlaceholder}
      maxLength={6} pickLabel={T.dates.pickTime(label)}
      popup={(current, pick, close) => <TimeList selected={current} label={label} onPick={pick} onClose={close} />} />
  );
}
