/** The buttons under a first-run step: Back on the left, then skipping the step, then the step's own action (the form's submit). */
export interface WizardActionsProps {
  primary: string;
  busy?: boolean;
  /** Disables the primary button (nothing chosen yet). */
  blocked?: boolean;
  onBack?: () => void;
  skipLabel?: string;
  onSkip?: () => void;
}

export function WizardActions({ primary, busy, blocked, onBack, skipLabel, onSkip }: WizardActionsProps) {
  return (
    <div className="wizard-actions">
      {onBack ? <button type="button" className="btn" disabled={busy} onClick={onBack}>Back</button> : null}
      <span className="wizard-actions-gap" />
      {onSkip && skipLabel ? <button type="button" className="btn" disabled={busy} onClick={onSkip}>{skipLabel}</button> : null}
      <button type="submit" className="btn btn-primary" disabled={busy || blocked}>{primary}</button>
    </div>
  );
}
