// The date picker's month: a grid of days the keyboard can walk (arrows a day or a week, Page Up /
// Page Down a month, Home/End the week's ends, Enter picks, Escape closes) and the mouse can click.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { T } from '../../../../common/deskText.js';
import { addDays, addMonths, monthGrid, parts, weekday } from './calendar.js';

interface Props {
  /** The day first shown and focused. */
  readonly start: string;
  readonly selected: string | null;
  readonly min?: string | undefined;
  readonly max?: string | undefined;
  readonly label: string;
  readonly onPick: (date: string) => void;
  readonly onClose: () => void;
}

export function Calendar({ start, selected, min, max, label, onPick, onClose }: Props) {
  const [focus, setFocus] = useState(start);
  const grid = useRef<HTMLTableElement>(null);
  const p = parts(focus);
  const allowed = (d: string): boolean => (min === undefined || d >= min) && (max === undefined || d <= max);

  useEffect(() => {
    grid.current?.querySelector<HTMLButtonElement>(`button[data-date="${focus}"]`)?.focus();
  }, [focus]);

  const onKeyDown = (e: KeyboardEvent): void => {
    const moves: Record<string, () => string> = {
      ArrowLeft: () => addDays(focus, -1), ArrowRight: () => addDays(focus, 1),
      ArrowUp: () => addDays(focus, -7), ArrowDown: () => addDays(focus, 7),
      PageUp: () => addMonths(focus, e.shiftKey ? -12 : -1), PageDown: () => addMonths(focus, e.shiftKey ? 12 : 1),
      Home: () => addDays(focus, -weekday(focus)), End: () => addDays(focus, 6 - weekday(focus)),
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      setFocus(move());
    } else if ((e.key === 'Enter' || e.key === ' ') && !allowed(focus)) {
      // A day outside the allowed range can be walked over but not picked.
      e.preventDefault();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    }
  };

  return (
    <div className="calendar" role="dialog" aria-modal="false" aria-label={T.dates.pickDate(label)} onKeyDown={onKeyDown}>
      <div className="calendar-head">
        <button type="button" className="small" tabIndex={-1} aria-label={T.dates.prevMonth} onClick={() => setFocus(addMonths(focus, -1))}>‹</button>
        <strong aria-live="polite">{T.dates.month(p.y, p.m)}</strong>
        <button type="button" className="small" tabIndex={-1} aria-label={T.dates.nextMonth} onClick={() => setFocus(addMonths(focus, 1))}>›</button>
      </div>
      <table role="grid" ref={grid}>
        <thead>
          <tr>{T.dates.weekdays.map((w) => <th key={w} scope="col" abbr={`星期${w}`}>{w}</th>)}</tr>
        </thead>
        <tbody>
          {monthGrid(focus).map((week) => (
            <tr key={week[0]}>
              {week.map((d) => {
                const inMonth = parts(d).m === p.m;
                return (
                  <td key={d} role="gridcell" aria-selected={d === selected}>
                    <button type="button" data-date={d} tabIndex={d === focus ? 0 : -1} aria-disabled={!allowed(d)} aria-label={d}
                      className={`${inMonth ? '' : 'other-month'}${d === selected ? ' selected' : ''}`}
                      onClick={() => { if (allowed(d)) onPick(d); }}>
                      {parts(d).d}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
