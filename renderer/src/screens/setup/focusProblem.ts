// Puts the keyboard on the first control marked wrong inside `root` (document order), or on the
// first message that no control owns.
export function focusFirstProblem(root: HTMLElement | null): void {
  const target = root?.querySelector<HTMLElement>('[aria-invalid="true"], [data-form-error]');
  target?.focus();
  target?.scrollIntoView?.({ block: 'center' });
}
