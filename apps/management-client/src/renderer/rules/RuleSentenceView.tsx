/** A rule's sentence with its choices emphasised (ruleSentence.ts), for the list and the editor's preview. */
import type { SentencePart } from './ruleSentence';

export function RuleSentenceView({ parts, compact }: { parts: readonly SentencePart[]; compact?: boolean }) {
  return (
    <p className={compact ? 'rule-sentence' : 'rule-sentence rule-preview'} aria-label={compact ? undefined : 'The rule reads'}>
      {parts.map((p, i) => (p.term ? <b key={i}>{p.text}</b> : <span key={i}>{p.text}</span>))}
    </p>
  );
}
