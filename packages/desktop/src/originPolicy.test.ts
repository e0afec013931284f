import { describe, expect, it } from 'vitest';
import { isVmsError } from '@nightjar/vms-core';
import { appUrl, isAppUrl, isExternalLink, isTrustedSender } from './originPolicy';

const APP = 'http://127.0.0.1:7480';

describe('origin policy', () => {
  it('knows the app by its exact origin', () => {
    expect(isAppUrl('http://127.0.0.1:7480/app/live?view=1', APP)).toBe(true);
    expect(isAppUrl('http://127.0.0.1:7480', APP)).toBe(true);
    for (const url of [
      'http://127.0.0.1:7481/', 'https://127.0.0.1:7480/', 'http://localhost:7480/', 'http://127.0.0.1:7480.evil.example/',
      'http://127.0.0.1:7480@evil.example/', 'file:///etc/passwd', 'data:text/html,hi', 'about:blank', 'not a url',
    ]) expect(isAppUrl(url, APP), url).toBe(false);
  });

  it('sends only http(s) links to the browser', () => {
    expect(isExternalLink('https://example.org/help')).toBe(true);
    expect(isExternalLink('http://camera.local/')).toBe(true);
    for (const url of ['file:///tmp/x', 'javascript:alert(1)', 'smb://share/x', 'mailto:a@b', 'ms-settings:', '']) expect(isExternalLink(url), url).toBe(false);
  });

  it('builds URLs of app paths only', () => {
    expect(appUrl(APP, '/app/live?view=abc')).toBe('http://127.0.0.1:7480/app/live?view=abc');
    expect(appUrl(APP, '/')).toBe('http://127.0.0.1:7480/');
    for (const path of ['//evil.example/x', '/\\evil.example', 'http://evil.example/', 'app/live', '', 42]) {
      let error: unknown;
      try {
        appUrl(APP, path as string);
      } catch (e) {
        error = e;
      }
      expect(isVmsError(error, 'VMS_ERR_BAD_INPUT'), String(path)).toBe(true);
    }
  });

  it('trusts an IPC sender only while its frame shows the app', () => {
    expect(isTrustedSender({ url: `${APP}/app/live` }, APP)).toBe(true);
    expect(isTrustedSender({ url: 'https://evil.example/' }, APP)).toBe(false);
    expect(isTrustedSender({ url: 'about:blank' }, APP)).toBe(false);
    expect(isTrustedSender(null, APP)).toBe(false);
    expect(isTrustedSender(undefined, APP)).toBe(false);
  });
});
