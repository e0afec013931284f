/** The step indicator of a wizard (Add hardware, Add storage, First run): done, current, to come. */
export function WizardSteps({ steps, current }: { steps: readonly string[]; current: number }) {
  return (
    <ol className="wizard-steps" aria-label="Steps">
      {steps.map((label, i) => (
        <li key={label} className="wizard-step" data-state={i < current ? 'done' : i === current ? 'current' : 'todo'} aria-current={i === current ? 'step' : undefined}>
          <b>{i + 1}</b>
          {label}
        </li>
      ))}
    </ol>
  );
}
