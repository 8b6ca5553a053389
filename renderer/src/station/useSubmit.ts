// The state of one form's submission: busy while the station decides, then the problems — all of
// those the page finds at once, or the station's refusal — each placed next to the field it names,
// with the keyboard moved to the first of them.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { CommandInput } from '../../../common/api.js';
import { useStation, type Outcome } from './context.js';

export interface FormError { readonly message: string; readonly field?: string }

/** A refusal about `field` also covers its parts (person.officers covers person.officers.1). */
export function matchesField(errorField: string | undefined, field: string): boolean {
  return errorField !== undefined && (errorField === field || errorField.startsWith(`${field}.`));
}

/** A check of the page: the problem, or nothing. */
export type Problem = FormError | null | false | undefined;

export interface Submission {
  readonly busy: boolean;
  readonly errors: readonly FormError[];
  /** The first problem (or null). */
  readonly error: FormError | null;
  /** Spread on the <form>: no browser validation bubbles, and the form the first problem is looked for in. */
  readonly form: { readonly ref: RefObject<HTMLFormElement | null>; readonly noValidate: true };
  run(command: CommandInput): Promise<Outcome>;
  /** A refusal decided on the page (the same words the station would use). */
  fail(message: string, field?: string): void;
  /** The page's own checks: every problem shown at once, the keyboard on the first. True when there is none. */
  check(problems: readonly Problem[]): boolean;
  clear(): void;
  errorFor(field: string): string | undefined;
  /** The refusals no field of the form shows, for the message at the top of the form. */
  unclaimed(fields: readonly string[]): string | undefined;
}

const FOCUSABLE = 'input:not([disabled]):not([tabindex="-1"]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])';

/** Puts the keyboard on the first control marked as wrong in the form (document order), or on its message. */
export function focusFirstProblem(form: HTMLElement | null): void {
  const target = form?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid="true"], [data-form-error]');
  if (!target) return;
  const control = target.matches('[data-invalid="true"]') ? target.querySelector<HTMLElement>(FOCUSABLE) ?? target : target;
  control.focus();
}

const only = (problems: readonly Problem[]): FormError[] => problems.filter((p): p is FormError => Boolean(p));

/**
 * `live`: the form's own checks as it stands now. Once they have been shown (a submit the page
 * refused), they follow the form as it is corrected — a fixed field's message goes away at once.
 */
export function useSubmit(live?: readonly Problem[]): Submission {
  const { submit } = useStation();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<readonly FormError[]>([]);
  // Grows with each set of problems shown, so that the same problem twice still moves the keyboard.
  const [shown, setShown] = useState(0);
  const form = useRef<HTMLFormElement | null>(null);
  // Whether what is shown are the page's own checks (not a refusal of the station).
  const pageChecks = useRef(false);
  const liveKey = live === undefined ? null : JSON.stringify(only(live));

  useEffect(() => {
    if (liveKey === null || !pageChecks.current) return;
    setErrors(JSON.parse(liveKey) as FormError[]);
  }, [liveKey]);

  useEffect(() => {
    if (shown > 0) focusFirstProblem(form.current);
  }, [shown]);

  const show = useCallback((list: readonly FormError[]) => {
    setErrors(list);
    if (list.length > 0) setShown((n) => n + 1);
  }, []);

  const run = useCallback(async (command: CommandInput): Promise<Outcome> => {
    setBusy(true);
    pageChecks.current = false;
    setErrors([]);
    try {
      const outcome = await submit(command);
      if (!outcome.ok) show([outcome.field === undefined ? { message: outcome.message } : { message: outcome.message, field: outcome.field }]);
      return outcome;
    } finally {
      setBusy(false);
    }
  }, [submit, show]);

  const fail = useCallback((message: string, field?: string) => {
    pageChecks.current = false;
    show([field === undefined ? { message } : { message, field }]);
  }, [show]);
  const check = useCallback((problems: readonly Problem[]): boolean => {
    const list = only(problems);
    pageChecks.current = list.length > 0;
    show(list);
    return list.length === 0;
  }, [show]);
  const clear = useCallback(() => setErrors([]), []);

  return {
    busy, errors, error: errors[0] ?? null, form: { ref: form, noValidate: true }, run, fail, check, clear,
    errorFor: (field) => errors.find((e) => matchesField(e.field, field))?.message,
    unclaimed: (fields) => {
      const rest = errors.filter((e) => !fields.some((f) => matchesField(e.field, f)));
      return rest.length === 0 ? undefined : rest.map((e) => e.message).join('；');
    },
  };
}
