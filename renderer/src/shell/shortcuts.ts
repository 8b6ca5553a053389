// Single-key shortcuts for the whole desk, taken only when the key would not type anything: not in
// a text field, a drop-down or an open dialog, and never with Ctrl, Alt or Meta (those belong to the
// browser and the system).
const TYPING = new Set(['text', 'search', 'tel', 'number', 'password', 'email', 'url']);

export function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && TYPING.has(target.type);
}

export interface Shortcuts {
  /** Digit keys of the navigation. */
  readonly nav: ReadonlyMap<string, () => void>;
  readonly search: () => void;
}

export function onShortcutKey(e: KeyboardEvent, shortcuts: Shortcuts): void {
  if (e.defaultPrevented || e.ctrlKey || e.altKey || e.metaKey || typingIn(e.target)) return;
  if (document.querySelector('[aria-modal="true"]')) return;
  const action = e.key === '/' ? shortcuts.search : shortcuts.nav.get(e.key);
  if (!action) return;
  e.preventDefault();
  action();
}
