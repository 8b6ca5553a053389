// A labelled form control with its hint and the refusal that names it. The control is rendered by
// the caller (input, select…) with the ids this component gives, so screen readers read the
// message with the control.
import { useId, type ReactNode } from 'react';

export interface ControlProps {
  readonly id: string; readonly 'aria-describedby'?: string; readonly 'aria-invalid'?: boolean; readonly 'aria-required'?: boolean;
}

interface Props {
  readonly label: string;
  /** The command field this control fills (e.g. person.idNumber): a refusal naming it shows here. */
  readonly name: string;
  readonly error?: string | undefined;
  readonly hint?: ReactNode;
  readonly required?: boolean;
  readonly wide?: boolean;
  readonly className?: string;
  readonly children: (control: ControlProps) => ReactNode;
}

export function Field({ label, name, error, hint, required, wide, className, children }: Props) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  // Required is said to screen readers; the form checks it itself (no browser bubble).
  const control: ControlProps = {
    id, ...(described ? { 'aria-describedby': described } : {}), ...(error ? { 'aria-invalid': true } : {}), ...(required ? { 'aria-required': true } : {}),
  };
  return (
    <div className={`field${wide ? ' field-wide' : ''}${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`} data-field={name}>
      {/* The star stays outside the label, so the control's name is the label's words alone. */}
      <div className="field-label"><label htmlFor={id}>{label}</label>{required && <span className="required" aria-hidden="true"> *</span>}</div>
      {children(control)}
      {hint && <div className="field-hint" id={`${id}-hint`}>{hint}</div>}
      {error && <p className="field-error" id={`${id}-error`} role="alert" data-error-for={name}>{error}</p>}
    </div>
  );
}

/** A form's message that no single field owns (focusable, so the keyboard can be put on it). */
export function FormError({ message }: { readonly message: string | undefined }) {
  return message ? <p className="form-error" role="alert" tabIndex={-1} data-form-error>{message}</p> : null;
}
