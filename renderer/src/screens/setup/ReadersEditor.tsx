// The readers of the area: which room each reads for (an exit reader reads for none) and how the
// station reaches it; a reader without a connection is a room whose presence is entered by hand.
// The desk's enrolment reader and its 身份证阅读器 are set here too, outside every room.
import { useState } from 'react';
import type { AreaDraft, ReaderConnection, SetupReader } from '../../../../common/areaSetup.js';
import { PROTOCOL_LABELS, READER_ROLE_LABELS, SETUP_TEXT } from '../../../../common/setupText.js';
import { READER_ROLES, type ReaderRole } from '../../../../common/vocab.js';
import { FieldGroup } from '../../widgets/FieldGroup.js';
import { CellError, invalid } from './CellError.js';
import { IdCardReaderGroup } from './IdCardReaderGroup.js';
import { ReaderConnectionForm } from './ReaderConnectionForm.js';
import { problemAt, problemOf, useSetup } from './setupContext.js';

const R = SETUP_TEXT.readers;
const NEW_CONNECTION: ReaderConnection = { transport: '', protocol: 'r2000' };

function nextId(readers: readonly SetupReader[]): string {
  for (let n = readers.length + 1; ; n++) if (!readers.some((r) => r.id === `RD${n}`)) return `RD${n}`;
}

export function connectionSummary(c: ReaderConnection | null): string {
  return c ? `${c.transport} · ${PROTOCOL_LABELS[c.protocol].split('（')[0] ?? c.protocol}${c.baud ? ` · ${c.baud}` : ''}` : R.none;
}

export function ReadersEditor({ draft, onChange }: { readonly draft: AreaDraft; readonly onChange: (d: AreaDraft) => void }) {
  const { problems } = useSetup();
  const [open, setOpen] = useState<number | 'desk' | null>(null);
  const readers = draft.readers;
  const set = (i: number, patch: Partial<SetupReader>): void => onChange({ ...draft, readers: readers.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  const add = (): void => {
    onChange({ ...draft, readers: [...readers, { id: nextId(readers), room: draft.rooms[0]?.id ?? null, role: 'room', connection: null }] });
    setOpen(readers.length);
  };
  const remove = (i: number): void => {
    onChange({ ...draft, readers: readers.filter((_, j) => j !== i) });
    setOpen(null);
  };
  const error = (i: number, key: string): string | undefined => problemOf(problems, `readers.${i}.${key}`);
  return (
    <>
      <FieldGroup legend={R.caption} name="readers" error={problemOf(problems, 'readers')} wide>
        <table className="data setup-table readers-table">
          <thead><tr><th scope="col">{R.id}</th><th scope="col">{R.role}</th><th scope="col">{R.room}</th><th scope="col">{R.connection}</th><th scope="col" /></tr></thead>
          <tbody>
            {readers.map((r, i) => {
              const label = `${R.caption} ${r.id || i + 1}`;
              const connError = problemAt(problems, `readers.${i}.connection`);
              return (
                <tr key={i} data-reader={r.id} className={open === i ? 'row-open' : ''}>
                  <td>
                    <input className="mono id-input" aria-label={`${label} ${R.id}`} value={r.id} {...invalid(error(i, 'id'))} onChange={(e) => set(i, { id: e.target.value })} />
                    <CellError field={`readers.${i}.id`} message={error(i, 'id')} />
                  </td>
                  <td>
                    <select aria-label={`${label} ${R.role}`} value={r.role} onChange={(e) => set(i, { role: e.target.value as ReaderRole })}>
                      {READER_ROLES.map((role) => <option key={role} value={role}>{READER_ROLE_LABELS[role]}</option>)}
                    </select>
                  </td>
                  <td>
                    <select aria-label={`${label} ${R.room}`} value={r.room ?? ''} {...invalid(error(i, 'room'))} onChange={(e) => set(i, { room: e.target.value || null })}>
                      <option value="">{R.noRoom}</option>
                      {draft.rooms.map((room) => <option key={room.id} value={room.id}>{room.name || room.id}</option>)}
                    </select>
                    <CellError field={`readers.${i}.room`} message={error(i, 'room')} />
                  </td>
                  <td className="wrap">
                    <span className={r.connection ? 'mono' : 'muted'}>{connectionSummary(r.connection)}</span>
                    {open === i && (
                      r.connection
                        ? <ReaderConnectionForm connection={r.connection} path={`readers.${i}.connection`} label={label} onChange={(c) => set(i, { connection: c })} />
                        : null
                    )}
                    {open !== i && connError && <CellError field={`readers.${i}.connection`} message={connError} />}
                  </td>
                  <td className="row-actions">
                    {r.connection === null
                      ? <button type="button" className="small" onClick={() => { set(i, { connection: { ...NEW_CONNECTION } }); setOpen(i); }}>{R.connect}</button>
                      : <button type="button" className="small" aria-expanded={open === i} onClick={() => setOpen(open === i ? null : i)}>{open === i ? R.fold : R.edit}</button>}
                    {r.connection && <button type="button" className="small" onClick={() => { set(i, { connection: null }); setOpen(null); }}>{R.disconnect}</button>}
                    <button type="button" className="small" aria-label={`${SETUP_TEXT.rooms.remove} ${label}`} onClick={() => remove(i)}>{SETUP_TEXT.rooms.remove}</button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <button type="button" className="small" onClick={add}>{R.add}</button>
      </FieldGroup>
      <FieldGroup legend={R.desk} name="deskReader" hint={R.deskHint} error={problemAt(problems, 'deskReader')} wide>
        <p><span className={draft.deskReader ? 'mono' : 'muted'}>{connectionSummary(draft.deskReader)}</span></p>
        {draft.deskReader && open === 'desk' && (
          <ReaderConnectionForm connection={draft.deskReader} path="deskReader" label={R.desk} onChange={(c) => onChange({ ...draft, deskReader: c })} />
        )}
        <div className="actions">
          {draft.deskReader === null
            ? <button type="button" className="small" onClick={() => { onChange({ ...draft, deskReader: { ...NEW_CONNECTION } }); setOpen('desk'); }}>{R.connect}</button>
            : <button type="button" className="small" aria-expanded={open === 'desk'} onClick={() => setOpen(open === 'desk' ? null : 'desk')}>{open === 'desk' ? R.fold : R.edit}</button>}
          {draft.deskReader && <button type="button" className="small" onClick={() => { onChange({ ...draft, deskReader: null }); setOpen(null); }}>{R.disconnect}</button>}
        </div>
      </FieldGroup>
      <IdCardReaderGroup connection={draft.idCardReader} onChange={(c) => onChange({ ...draft, idCardReader: c })} />
    </>
  );
}
