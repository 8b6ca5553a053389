import type { ReactNode } from 'react';
import type { Drill } from './drill.js';

/** A figure in a table that opens the list behind it; a zero has nothing behind it and stays plain. */
export function FigureButton({ value, drill, onDrill, children }: {
  readonly value: number | null;
  readonly drill: Drill;
  readonly onDrill: (d: Drill) => void;
  readonly children?: ReactNode;
}) {
  if (value === null || value === 0) return <span className="muted">{value === null ? '—' : children ?? value}</span>;
  return <button type="button" className="figure-button" title={drill.title} onClick={() => onDrill(drill)}>{children ?? value}</button>;
}
