// 查找人员 in the header of every screen: name, ID or document number, wristband, case number.
// The answers drop down under the box; ↑/↓ choose, Enter opens the person, Escape closes.
import { forwardRef, useEffect, useId, useImperativeHandle, useRef, useState, type KeyboardEvent } from 'react';
import { T } from '../../../common/deskText.js';
import { ROLE_SHORT_LABELS } from '../../../common/messages.js';
import type { SearchHit } from '../../../common/views.js';
import { whereaboutsText } from '../format/whereabouts.js';
import { navigate } from '../router/route.js';
import { useStation } from '../station/context.js';
import { errorMessage } from '../station/errors.js';

const LIMIT = 12;

export interface SearchBox { focus(): void }

function matchedValue(hit: SearchHit): string {
  switch (hit.matched) {
    case 'idNumber': return hit.idNumber ?? '';
    case 'tag': return hit.person.tag ?? '';
    case 'caseNo': return hit.person.caseNo ?? '';
    case 'id': return hit.person.id;
    case 'name':
    case 'documentNumber':
      return '';
  }
}

export const HeaderSearch = forwardRef<SearchBox>(function HeaderSearch(_props, ref) {
  const { bridge, names } = useStation();
  const input = useRef<HTMLInputElement>(null);
  const list = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [answer, setAnswer] = useState<{ text: string; hits: SearchHit[]; error: string | null } | null>(null);
  const [active, setActive] = useState(0);
  useImperativeHandle(ref, () => ({ focus: () => { input.current?.focus(); input.current?.select(); } }), []);

  const wanted = text.trim();
  useEffect(() => {
    if (wanted === '') return;
    let current = true;
    // A short pause, so that typing a whole ID number asks once, not eighteen times.
    const t = setTimeout(() => {
      bridge.invoke('search', { text: wanted, limit: LIMIT }).then(
        (hits) => { if (current) { setAnswer({ text: wanted, hits, error: null }); setActive(0); } },
        (err: unknown) => { if (current) setAnswer({ text: wanted, hits: [], error: errorMessage(err) }); },
      );
    }, 120);
    return () => { current = false; clearTimeout(t); };
  }, [bridge, wanted]);

  const hits = answer?.text === wanted ? answer.hits : [];
  const shown = open && wanted !== '';
  const choose = (hit: SearchHit | undefined): void => {
    if (!hit) return;
    setOpen(false);
    setText('');
    navigate({ name: 'person', id: hit.person.id });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      setActive((i) => (hits.length === 0 ? 0 : (i + (e.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(hits[active]);
    } else if (e.key === 'Escape') {
      if (open && wanted !== '') setOpen(false);
      else setText('');
    }
  };

  return (
    <div className="header-search" role="search">
      <input ref={input} type="search" role="combobox" aria-label={T.search.label} placeholder={T.search.placeholder} title={T.search.title} value={text}
        aria-expanded={shown} aria-controls={list} aria-autocomplete="list" aria-keyshortcuts="/"
        aria-activedescendant={shown && hits[active] ? `${list}-${active}` : undefined} autoComplete="off" maxLength={100}
        onChange={(e) => { setText(e.target.value); setOpen(true); }} onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)} onBlur={() => setOpen(false)} />
      {shown && (
        <div className="search-results">
          {answer?.text !== wanted ? <p className="muted">{T.search.searching}</p>
            : answer.error ? <p className="form-error">{answer.error}</p>
              : hits.length === 0 ? <p className="muted">{T.search.none(wanted)}</p> : null}
          <ul id={list} role="listbox" aria-label={T.search.results(hits.length)}>
            {hits.map((h, i) => (
              <li key={h.person.id} id={`${list}-${i}`} role="option" aria-selected={i === active} data-person={h.person.id}
                className={i === active ? 'active' : ''} onMouseDown={(e) => { e.preventDefault(); choose(h); }} onMouseEnter={() => setActive(i)}>
                <strong className="person-name">{h.person.name}</strong>
                <span className="muted">{ROLE_SHORT_LABELS[h.person.role]} · {T.search.status[h.person.status]}
                  {h.person.status === 'in' ? ` · ${whereaboutsText(h.person.whereabouts, names)}` : ''}</span>
                <small className="muted">{T.search.matched[h.matched]}{matchedValue(h) ? `：${matchedValue(h)}` : ''} · {h.person.id}</small>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
});
