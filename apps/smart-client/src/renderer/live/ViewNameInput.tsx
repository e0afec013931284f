/** The inline name field of a view (or view group) being renamed: Enter or leaving it saves, Escape cancels. */
import { useEffect, useRef, useState } from 'react';

export interface ViewNameInputProps {
  initial: string;
  onDone: (name: string | null) => void;
  /** The field's accessible name. */
  label?: string;
}

export function ViewNameInput({ initial, onDone, label = 'View name' }: ViewNameInputProps) {
  const [name, setName] = useState(initial);
  const input = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  // Mounted when renaming starts: the whole name selected, ready to be typed over.
  useEffect(() => input.current?.select(), []);
  const finish = (value: string | null) => {
    if (done.current) return;
    done.current = true;
    onDone(value);
  };
  return (
    <input
      ref={input}
      className="view-rename"
      value={name}
      maxLength={100}
      aria-label={label}
      onChange={(e) => setName(e.target.value)}
      onBlur={() => finish(name)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') finish(name);
        else if (e.key === 'Escape') {
          e.stopPropagation();
          finish(null);
        }
      }}
    />
  );
}
