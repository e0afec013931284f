import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_GROUPS, actionLabel, auditChanges, formatValue, otherActions, targetKind, targetName } from './auditDetails';

describe('audit changes', () => {
  it('lists each changed field with its old and new value, without bookkeeping fields', () => {
    expect(auditChanges({
      action: 'updateRole',
      details: { changes: { name: { from: 'Guards', to: 'Night guards' }, manageUsers: { from: false, to: true }, updatedAt: { from: 1, to: 2 } } },
    })).toEqual([{ field: 'name', from: 'Guards', to: 'Night guards' }, { field: 'manageUsers', from: false, to: true }]);
  });

  it('shows a created object as new values and a deleted one as old values', () => {
    expect(auditChanges({ action: 'createTimeProfile', details: { timeProfile: { id: 't', name: 'Office', windows: [] } } }))
      .toEqual([{ field: 'name', to: 'Office' }, { field: 'windows', to: [] }]);
    expect(auditChanges({ action: 'deleteRole', details: { role: { id: 'r', name: 'Guards' } } })).toEqual([{ field: 'name', from: 'Guards' }]);
  });

  it('says a password changed without a value, and lists other facts as they are', () => {
    expect(auditChanges({ action: 'updateUser', details: { changes: {}, passwordChanged: true } })).toEqual([{ field: 'password', from: '***', to: '***' }]);
    expect(auditChanges({ action: 'updateUser', details: { changes: {}, passwordChanged: false } })).toEqual([]);
    expect(auditChanges({ action: 'loginFailed', details: { code: 'VMS_ERR_BAD_CREDENTIALS' } })).toEqual([{ field: 'code', to: 'VMS_ERR_BAD_CREDENTIALS' }]);
    expect(auditChanges({ action: 'login', details: null })).toEqual([]);
  });

  it('writes values on one line and cuts long ones', () => {
    expect(formatValue('text')).toBe('text');
    expect(formatValue(null)).toBe('none');
    expect(formatValue(undefined)).toBe('—');
    expect(formatValue({ a: [1, 2] })).toBe('{"a":[1,2]}');
    expect(formatValue('x'.repeat(300), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('audit targets', () => {
  it('reads actions as words and knows what they act on', () => {
    expect(actionLabel('updateGenericEventSource')).toBe('Update generic event source');
    expect(targetKind('deleteGenericEventSource')).toBe('genericEventSource');
    expect(targetKind('createGenericEvent')).toBe('genericEvent');
    expect(targetKind('triggerUserDefinedEvent')).toBe('userDefinedEvent');
    expect(targetKind('unlockUser')).toBe('user');
    expect(targetKind('loginFailed')).toBe('user');
    expect(targetKind('exportConfiguration')).toBeUndefined();
  });

  it('names the target from the entry first, then from the lists, else by id', () => {
    const lookup = (kind: string, id: string) => (kind === 'role' && id === 'r1' ? 'Operators' : undefined);
    expect(targetName({ action: 'deleteRole', target: 'r9', details: { role: { id: 'r9', name: 'Gone role' } } }, lookup)).toBe('Gone role');
    expect(targetName({ action: 'updateRole', target: 'r1', details: { changes: {} } }, lookup)).toBe('Operators');
    expect(targetName({ action: 'deleteUser', target: 'u1', details: { username: 'bob' } }, lookup)).toBe('bob');
    expect(targetName({ action: 'updateCamera', target: 'c1', details: null }, lookup)).toBe('c1');
    expect(targetName({ action: 'updateSite', target: null, details: null }, lookup)).toBe('');
  });
});

describe('audit action filter', () => {
  it('lists each action once, and offers actions it does not know once seen', () => {
    const listed = AUDIT_ACTION_GROUPS.flatMap((g) => g.actions);
    expect(new Set(listed).size).toBe(listed.length);
    expect(otherActions(['login', 'createAlarmDefinition', 'bulkUpdateAlarms', 'createAlarmDefinition'])).toEqual(['bulkUpdateAlarms', 'createAlarmDefinition']);
  });
});
