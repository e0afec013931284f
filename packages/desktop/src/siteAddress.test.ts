import { describe, expect, it } from 'vitest';
import { isVmsError } from '@nightjar/vms-core';
import { PROMPT_ACTION, parseSiteAddress, promptAnswer, siteAddressPage } from './siteAddress';

describe('site address prompt', () => {
  it('takes an address as people type it and keeps only its origin', () => {
    expect(parseSiteAddress('127.0.0.1:7480')).toBe('http://127.0.0.1:7480');
    expect(parseSiteAddress('  http://10.0.0.5:7480/admin/cameras?x=1 ')).toBe('http://10.0.0.5:7480');
    expect(parseSiteAddress('https://vms.example.org')).toBe('https://vms.example.org');
    expect(parseSiteAddress('nvr.local')).toBe('http://nvr.local');
    for (const bad of ['', '   ', 'file:///etc/passwd', 'ftp://host/', 'http://admin:secret@host:7480', 'http://exa mple']) {
      let error: unknown;
      try {
        parseSiteAddress(bad);
      } catch (e) {
        error = e;
      }
      expect(isVmsError(error, 'VMS_ERR_BAD_INPUT'), bad).toBe(true);
    }
  });

  it('reads the form’s submit from the navigation it starts, and nothing else', () => {
    expect(promptAnswer(`${PROMPT_ACTION}?address=${encodeURIComponent('127.0.0.1:7480')}`)).toEqual({ kind: 'address', text: '127.0.0.1:7480' });
    expect(promptAnswer(`${PROMPT_ACTION}?address=&cancel=1`)).toEqual({ kind: 'cancel' });
    expect(promptAnswer(PROMPT_ACTION)).toEqual({ kind: 'address', text: '' });
    expect(promptAnswer('https://example.org/?address=x')).toBeUndefined();
    expect(promptAnswer('https://site-address.nightjar.invalid.example.org/?address=x')).toBeUndefined();
  });

  it('shows the last answer and its error escaped, with a form that can only submit to the prompt action', () => {
    const page = siteAddressPage({ title: 'Connect', message: 'No local site runs.', value: '"><script>x</script>', error: 'No site answers at <x>' });
    expect(page).not.toContain('<script>');
    expect(page).toContain('value="&#34;&#62;&#60;script&#62;x&#60;/script&#62;"');
    expect(page).toContain('No site answers at &#60;x&#62;');
    expect(page).toContain(`action="${PROMPT_ACTION}"`);
    expect(page).toContain(`default-src 'none'; style-src 'unsafe-inline'; form-action ${PROMPT_ACTION}`);
    expect(siteAddressPage({ title: 't', message: 'm' })).not.toContain('role="alert"');
  });
});
