// A problem under one cell of a set-up table, read by screen readers with its control.
export function CellError({ field, message }: { readonly field: string; readonly message: string | undefined }) {
  return message ? <p className="field-error" role="alert" data-error-for={field}>{message}</p> : null;
}

/** The props marking a control as wrong. */
export function invalid(message: string | undefined): { 'aria-invalid'?: true } {
  return message ? { 'aria-invalid': true } : {};
}
