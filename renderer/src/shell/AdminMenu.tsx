// 系统管理 in the header: the administrator's own screens under one entry, as a disclosure (a
// button that shows a list of links: the pattern for site navigation, not an application menu).
// It closes on Escape (the keyboard back on the button), on a click or focus elsewhere, and when
// a page is opened from it.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { T } from '../../../common/deskText.js';
import { routeHref, type Route } from '../router/route.js';
import { usePopup } from '../widgets/usePopup.js';
import type { NavItem } from './navigation.js';

export function AdminMenu({ items, current }: { items: readonly NavItem[]; current: Route['name'] }) {
  const [open, setOpen] = useState(false);
  const box = usePopup(open, () => setOpen(false));
  const button = useRef<HTMLButtonElement>(null);
  const list = useId();
  const here = items.some((n) => n.route.name === current);

  useEffect(() => setOpen(false), [current]);

  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape' || !open) return;
    e.preventDefault();
    setOpen(false);
    button.current?.focus();
  };

  if (items.length === 0) return null;
  return (
    <div className="nav-menu" ref={box} onKeyDown={onKeyDown}>
      <button type="button" ref={button} aria-expanded={open} aria-controls={list} aria-current={here ? 'page' : undefined} onClick={() => setOpen(!open)}>
        {T.shell.nav.admin}<span aria-hidden="true" className="nav-menu-caret">▾</span>
      </button>
      <ul id={list} hidden={!open}>
        {items.map((n) => (
          <li key={n.route.name}>
            <a href={routeHref(n.route)} aria-current={n.route.name === current ? 'page' : undefined} onClick={() => setOpen(false)}>{n.label}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
