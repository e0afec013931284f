/**
 * "Go to" a typed date and time. The field keeps what the operator types until Enter or Go;
 * a value that is not a date is refused in place instead of jumping somewhere unexpected.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { fromDateTimeLocal, toDateTimeLocal } from './timeFormat';

export function GoToTime({ currentMs, onGo }: { currentMs: number; onGo: (timeMs: number) => void }) {
  const [value, setValue] = useState<string | null>(null);
  const shown = value ?? toDateTimeLocal(currentMs);
  const invalid = value !== null && Number.isNaN(fromDateTimeLocal(value));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const t = fromDateTimeLocal(shown);
    if (Number.isNaN(t)) return;
    setValue(null);
    onGo(t);
  };
  return (
    <form className="pb-goto" onSubmit={submit}>
      <input
        className="input pb-goto-input"
        type="datetime-local"
        step={1}
        aria-label="Go to date and time"
        aria-invalid={invalid}
        value={shown}
        onFocus={() => setValue(shown)}
        onChange={(e) => setValue(e.target.value)}
        onBlur={() => !invalid && value === toDateTimeLocal(currentMs) && setValue(null)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            setValue(null);
            e.currentTarget.blur();
          }
        }}
      />
      <button className="btn btn-sm" type="submit" disabled={invalid}>Go</button>
    </form>
  );
}
