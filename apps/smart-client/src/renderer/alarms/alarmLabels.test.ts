import { describe, expect, it } from 'vitest';
import { ageLabel, historyText, priorityLabel, repeatsLabel, sourceLabel } from './alarmLabels';

const at = '2026-03-01T10:00:00.000Z';

describe('alarm labels', () => {
  it('names priorities and keeps the number', () => {
    expect([1, 2, 3, 4, 5].map(priorityLabel)).toEqual(['1 Critical', '2 High', '3 Medium', '4 Low', '5 Lowest']);
    expect(priorityLabel(9)).toBe('9');
  });

  it('names sources, without naming a camera the operator may not see', () => {
    expect(sourceLabel({ kind: 'camera', id: 'c1', name: 'Front door' })).toBe('Camera: Front door');
    expect(sourceLabel({ kind: 'camera' })).toBe('Camera not available');
    expect(sourceLabel({ kind: 'userDefinedEvent', id: 'e', name: 'Panic button' })).toBe('User-defined event: Panic button');
    expect(sourceLabel({ kind: 'somethingNew', name: 'X' })).toBe('somethingNew: X');
  });

  it('writes each history action as a sentence', () => {
    expect(historyText({ id: 1, at, action: 'raised', detail: 'userDefined Panic' })).toBe('Raised: userDefined Panic');
    expect(historyText({ id: 2, at, action: 'state', from: 'new', to: 'inProgress' })).toBe('New → In progress');
    expect(historyText({ id: 3, at, action: 'assignee', to: 'guard' })).toBe('Assigned to guard');
    expect(historyText({ id: 4, at, action: 'assignee', from: 'guard' })).toBe('Unassigned (was guard)');
    expect(historyText({ id: 5, at, action: 'comment', detail: 'on my way' })).toBe('Commented: on my way');
    expect(historyText({ id: 6, at, action: 'autoClosed', detail: 'connectionRestored' })).toBe('Closed by the site: connectionRestored');
  });

  it('says how old an alarm is and how often it repeated', () => {
    const t = Date.parse(at);
    expect(ageLabel(t, t + 2000)).toBe('just now');
    expect(ageLabel(t, t + 185_000)).toBe('3 min 05 s ago');
    expect(repeatsLabel(0)).toBeNull();
    expect(repeatsLabel(1)).toBe('+1 repeat');
    expect(repeatsLabel(12)).toBe('+12 repeats');
  });
});
