import { describe, expect, it } from 'vitest';
import type { EventRuleDefinition } from './rule';
import { TriggerIndex } from './triggerIndex';

type Sentence = Pick<EventRuleDefinition, 'trigger' | 'stop'>;

describe('trigger index', () => {
  const motion: Sentence = { trigger: { type: 'motionStarted' }, stop: { kind: 'endEvent' } };
  const motionOnA: Sentence = { trigger: { type: 'motionStarted', sourceIds: ['a'] } };
  const door: Sentence = { trigger: { type: 'userDefined', definitionId: 'door' }, stop: { kind: 'after', seconds: 5 } };
  const index = new TriggerIndex<string>();
  index.add('motion', motion);
  index.add('motionOnA', motionOnA);
  index.add('door', door);

  it('finds the rules an event may fire, in the order they were added', () => {
    expect(index.triggeredBy({ type: 'motionStarted' })).toEqual(['motion', 'motionOnA']);
    expect(index.triggeredBy({ type: 'userDefined', definitionId: 'door' })).toEqual(['door']);
    expect(index.triggeredBy({ type: 'userDefined', definitionId: 'gate' })).toEqual([]);
    expect(index.triggeredBy({ type: 'storageFull' })).toEqual([]);
  });

  it('finds the rules an event ends: only those stopping on the end event', () => {
    expect(index.endedBy({ type: 'motionStopped' })).toEqual(['motion']);
    expect(index.endedBy({ type: 'motionStarted' })).toEqual([]);
  });

  it('forgets removed rules, and its answers are copies', () => {
    const copy = index.triggeredBy({ type: 'motionStarted' });
    index.remove('motion', motion);
    expect(copy).toEqual(['motion', 'motionOnA']);
    expect(index.triggeredBy({ type: 'motionStarted' })).toEqual(['motionOnA']);
    expect(index.endedBy({ type: 'motionStopped' })).toEqual([]);
  });
});
