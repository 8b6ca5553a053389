// The state of one form's submission: busy while the station decides, then the refusal (if any)
// placed next to the field it names.
import { useCallback, useState } from 'react';
import type { CommandInput } from '../../../common/api.js';
import { useStation, type Outcome } from './context.js';

export interface FormError { readonly message: string; readonly field?: string }

/** A refusal about `field` also covers its parts (person.officers covers person.officers.1). */
export function matchesField(errorField: string | undefined, field: string): boolean {
  return errorField !== undefined && (errorField === field || errorField.startsWith(`${field}.`));
}

export interface Submission {
  readonly busy: boolean;
  readonly error: FormError | null;
  run(command: CommandInput): Promise<Outcome>;
  /** A refusal decided on the page (the same words the station would use). */
  fail(message: string, field?: string): void;
  clear(): void;
  errorFor(field: string): string | undefined;
  /** The refusal no field of the form shows, for the message at the top of the form. */
  unclaimed(fields: readonly string[]): string | undefined;
}

export function useSubmit(): Submission {
  const { submit } = useStation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormError | null>(null);

  const run = useCallback(async (command: CommandInput): Promise<Outcome> => {
    setBusy(true);
    setError(null);
    try {
      const outcome = await submit(command);
      if (!outcome.ok) setError(outcome.field === undefined ? { message: outcome.message } : { message: outcome.message, field: outcome.field });
      return outcome;
    } finally {
      setBusy(false);
    }
  }, [submit]);

  const fail = useCallback((message: string, field?: string) => setError(field === undefined ? { message } : { message, field }), []);
  const clear = useCallback(() => setError(null), []);

  return {
    busy, error, run, fail, clear,
    errorFor: (field) => (error && matchesField(error.field, field) ? error.message : undefined),
    unclaimed: (fields) => (error && !fields.some((f) => matchesField(error.field, f)) ? error.message : undefined),
  };
}
