// An editable table of rows (injuries, dangerous items, belongings). Enter in the last row adds a
// row, so a list can be typed without reaching for the mouse; a row left blank is no row (the
// forms leave it out), and nothing here asks the browser to validate.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { T } from '../../../common/deskText.js';

export type Cell = string | number | boolean;

export interface Column<R> {
  readonly key: keyof R & string;
  readonly label: string;
  readonly kind: 'text' | 'number' | 'checkbox';
  readonly required?: boolean;
  readonly className?: string;
}

interface Props<R extends Record<string, Cell>> {
  readonly caption: string;
  readonly columns: readonly Column<R>[];
  readonly rows: readonly R[];
  readonly onChange: (rows: R[]) => void;
  readonly blank: () => R;
  /** The command path of row i (items.0): a refusal naming a cell shows under it. */
  readonly errorFor?: (path: string) => string | undefined;
  readonly path?: string;
  /** Puts the keyboard in the first cell when the table appears (the first field of a step). */
  readonly autoFocus?: boolean;
}

export function RowsEditor<R extends Record<string, Cell>>({ caption, columns, rows, onChange, blank, errorFor, path, autoFocus }: Props<R>) {
  const table = useRef<HTMLTableElement>(null);
  const focusRow = useRef<number | null>(null);

  useEffect(() => {
    if (focusRow.current === null) return;
    table.current?.querySelector<HTMLElement>(`tr[data-row="${focusRow.current}"] input`)?.focus();
    focusRow.current = null;
  }, [rows.length]);

  const setCell = (i: number, key: keyof R & string, value: Cell): void => onChange(rows.map((r, j) => (j === i ? { ...r, [key]: value } : r)));
  const add = (): void => {
    focusRow.current = rows.length;
    onChange([...rows, blank()]);
  };
  const remove = (i: number): void => onChange(rows.filter((_, j) => j !== i));
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>, i: number): void => {
    if (e.key !== 'Enter' || e.currentTarget.type === 'checkbox') return;
    // Enter inside the table never submits the whole form.
    e.preventDefault();
    if (i === rows.length - 1) add();
    else table.current?.querySelector<HTMLElement>(`tr[data-row="${i + 1}"] input`)?.focus();
  };

  return (
    <div className="rows-editor">
      <table ref={table}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">#</th>
            {columns.map((c) => <th key={c.key} scope="col" className={c.className}>{c.label}{c.required && <span className="required" aria-hidden="true"> *</span>}</th>)}
            <th scope="col"><span className="visually-hidden">{T.rows.remove}</span></th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && <tr><td colSpan={columns.length + 2} className="muted">{T.rows.empty}</td></tr>}
          {rows.map((row, i) => (
            <tr key={i} data-row={i}>
              <td className="num">{i + 1}</td>
              {columns.map((c) => {
                const error = path && errorFor ? errorFor(`${path}.${i}.${c.key}`) : undefined;
                const label = `${caption} ${i + 1} ${c.label}`;
                const value = row[c.key];
                return (
                  <td key={c.key} className={c.className}>
                    {c.kind === 'checkbox'
                      ? <input type="checkbox" aria-label={label} checked={value === true} onChange={(e) => setCell(i, c.key, e.target.checked)} />
                      : <input type="text" autoFocus={autoFocus && i === 0 && c === columns[0]} inputMode={c.kind === 'number' ? 'numeric' : undefined} aria-label={label} aria-invalid={error ? true : undefined}
                          value={typeof value === 'boolean' || value === 0 ? '' : value} aria-required={c.required ? true : undefined}
                          onChange={(e) => setCell(i, c.key, c.kind === 'number' ? Number(e.target.value.replace(/\D/g, '')) : e.target.value)}
                          onKeyDown={(e) => onKeyDown(e, i)} />}
                    {error && <p className="field-error" role="alert" data-error-for={`${path ?? ''}.${i}.${c.key}`}>{error}</p>}
                  </td>
                );
              })}
              <td><button type="button" className="small" onClick={() => remove(i)} aria-label={`${T.rows.remove} ${i + 1}`}>{T.common.remove}</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="small" onClick={add} title={T.rows.enterAdds}>{T.rows.add}</button>
    </div>
  );
}
