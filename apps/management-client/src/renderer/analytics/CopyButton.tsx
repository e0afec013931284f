/** Copies a text to the clipboard and says so; where the browser refuses (no secure context), says to select it instead. */
import { useState } from 'react';

export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'refused'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('refused');
    }
  };
  return (
    <button type="button" className="btn btn-sm" aria-label={label} onClick={() => void copy()} title={state === 'refused' ? 'The browser refused: select the text and copy it' : undefined}>
      {state === 'copied' ? 'Copied' : state === 'refused' ? 'Select to copy' : 'Copy'}
    </button>
  );
}
