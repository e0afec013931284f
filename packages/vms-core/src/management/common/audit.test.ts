import { describe, expect, it } from 'vitest';
import { jsonDiff, redact } from './audit';

describe('audit diff', () => {
  it('lists changed leaves by dotted path, arrays whole', () => {
    const before = { name: 'Door', policy: { mode: 'always', pre: 2 }, grants: [1, 2], gone: 1 };
    const after = { name: 'Front door', policy: { mode: 'motion', pre: 2 }, grants: [1, 2, 3], added: true };
    expect(jsonDiff(before, after)).toEqual({
      name: { from: 'Door', to: 'Front door' },
      'policy.mode': { from: 'always', to: 'motion' },
      grants: { from: [1, 2], to: [1, 2, 3] },
      gone: { from: 1, to: null },
      added: { from: null, to: true },
    });
    expect(jsonDiff(before, before)).toEqual({});
  });

  it('never records secret values', () => {
    expect(jsonDiff({ password: 'a', wrappedKey: 'k' }, { password: 'b', wrappedKey: 'k' })).toEqual({ password: { from: '***', to: '***' } });
    expect(redact({ driver: 'rtsp', password: 'pw', nested: [{ token: 't', ok: 1 }] })).toEqual({ driver: 'rtsp', nested: [{ ok: 1 }] });
  });
});
