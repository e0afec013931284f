/**
 * Event rules filed by the event that fires them and the event that ends them, so the engine
 * checks an event against the few rules naming its type (and, for user-defined, generic and
 * analytics events, its definition) instead of every rule of the site: with 1,000 rules at
 * 10,000 events a second, scanning all of them was most of the engine's time.
 */
import type { VmsEvent } from '../../events/common/vmsEvent';
import { endEventOf } from '../../events/common/vmsEvent';
import type { EventRuleDefinition } from './rule';

type Sentence = Pick<EventRuleDefinition, 'trigger' | 'stop'>;

const key = (type: string, definitionId: string | undefined) => (definitionId === undefined ? type : `${type}:${definitionId}`);

/** `T` is what the caller files (the engine's running rule); `rule` is its sentence. */
export class TriggerIndex<T> {
  private readonly byTrigger = new Map<string, T[]>();
  private readonly byEnd = new Map<string, T[]>();

  add(item: T, rule: Sentence): void {
    const { trigger, stop } = rule;
    file(this.byTrigger, key(trigger.type, trigger.definitionId), item);
    const end = stop?.kind === 'endEvent' ? endEventOf(trigger.type) : undefined;
    if (end !== undefined) file(this.byEnd, end, item);
  }

  remove(item: T, rule: Sentence): void {
    const { trigger } = rule;
    unfile(this.byTrigger, key(trigger.type, trigger.definitionId), item);
    const end = endEventOf(trigger.type);
    if (end !== undefined) unfile(this.byEnd, end, item);
  }

  /**
   * Rules whose trigger names the event's type (and definition, or any definition): candidates
   * still to be checked with eventMatchesTrigger (sources, analytics rule name). A new array,
   * in the order the rules were added, so the caller may change the index while going through it.
   */
  triggeredBy(e: Pick<VmsEvent, 'type' | 'definitionId'>): T[] {
    const any = this.byTrigger.get(e.type) ?? [];
    const named = e.definitionId === undefined ? [] : (this.byTrigger.get(key(e.type, e.definitionId)) ?? []);
    return named.length === 0 ? [...any] : any.length === 0 ? [...named] : [...any, ...named];
  }

  /** Rules stopped by the event (their trigger's end event): a new array. */
  endedBy(e: Pick<VmsEvent, 'type'>): T[] {
    return [...(this.byEnd.get(e.type) ?? [])];
  }
}

function file<T>(map: Map<string, T[]>, k: string, item: T): void {
  const list = map.get(k);
  if (list) list.push(item);
  else map.set(k, [item]);
}

function unfile<T>(map: Map<string, T[]>, k: string, item: T): void {
  const list = map.get(k);
  if (!list) return;
  const i = list.indexOf(item);
  if (i >= 0) list.splice(i, 1);
  if (list.length === 0) map.delete(k);
}
