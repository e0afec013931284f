/** The frame of a camera tab: its fields, an error no field claims, and Save / Revert. */
import type { FormEvent, ReactNode } from 'react';

export interface CameraTabFormProps {
  label: string;
  dirty: boolean;
  valid: boolean;
  saving: boolean;
  formProblem: string | undefined;
  onSubmit: () => void;
  onRevert: () => void;
  children: ReactNode;
}

export function CameraTabForm({ label, dirty, valid, saving, formProblem, onSubmit, onRevert, children }: CameraTabFormProps) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form className="device-form" aria-label={label} onSubmit={submit} noValidate>
      {children}
      {formProblem ? <div className="error-note" role="alert">{formProblem}</div> : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={!dirty || !valid || saving}>{saving ? 'Saving…' : 'Save'}</button>
        <button type="button" className="btn" disabled={!dirty || saving} onClick={onRevert}>Revert</button>
        {dirty ? <span className="muted">Unsaved changes</span> : null}
      </div>
    </form>
  );
}
