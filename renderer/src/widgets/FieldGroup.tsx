// A group of controls (checkboxes, a list of rows) under one legend, with the refusal naming it.
import { useId, type ReactNode } from 'react';

interface Props {
  readonly legend: string;
  readonly name: string;
  readonly error?: string | undefined;
  readonly hint?: ReactNode;
  readonly wide?: boolean;
  readonly required?: boolean;
  readonly className?: string;
  readonly children: ReactNode;
}

export function FieldGroup({ legend, name, error, hint, wide, required, className, children }: Props) {
  const id = useId();
  return (
    <fieldset className={`field-group${wide ? ' field-wide' : ''}${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`} data-field={name}
      aria-describedby={error ? `${id}-error` : undefined} data-invalid={error ? true : undefined}>
      <legend>{legend}{required && <span className="required" aria-hidden="true"> *</span>}</legend>
      {children}
      {hint && <div className="field-hint">{hint}</div>}
      {error && <p className="field-error" id={`${id}-error`} role="alert" data-error-for={name}>{error}</p>}
    </fieldset>
  );
}
