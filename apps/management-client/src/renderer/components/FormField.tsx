/**
 * A labelled field with its error next to it. Errors come from the site (an ApiError naming
 * the request field) or from checks in the form; `fieldError` picks the one for a field.
 */
import type { ReactNode } from 'react';
import { ApiError } from '@nightjar/ui';

export interface FormFieldProps {
  label: string;
  /** The message shown under the field, and aria-invalid on it. */
  error?: string | undefined;
  hint?: ReactNode;
  children: ReactNode;
}

export function FormField({ label, error, hint, children }: FormFieldProps) {
  // The message sits outside the <label>, so the control's accessible name is the label alone.
  return (
    <div className="field form-field" data-invalid={error ? 'true' : undefined}>
      <label>
        <span>{label}</span>
        {children}
      </label>
      {error ? <em className="field-error" role="alert">{error}</em> : hint ? <small className="field-hint">{hint}</small> : null}
    </div>
  );
}

/**
 * The site's message for `field` when the error names it (or a field under it, e.g.
 * "windows[1].from" for "windows"); undefined otherwise.
 */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError) || !error.field) return undefined;
  return error.field === field || error.field.startsWith(`${field}.`) || error.field.startsWith(`${field}[`) ? error.message : undefined;
}

/** An error no field claims: shown above the form's buttons. */
export function formError(error: unknown, fields: readonly string[]): string | undefined {
  if (!error) return undefined;
  if (fields.some((f) => fieldError(error, f) !== undefined)) return undefined;
  return error instanceof Error ? error.message : String(error);
}
