// The window's security decisions, one table each.
import { describe, expect, it } from 'vitest';
import { allowNavigation, allowNewWindow, allowPermission, appRequestPath, isTrustedSender, webPreferences } from '../../main/electron/security.js';

describe('web preferences', () => {
  it('isolate and sandbox the page', () => {
    expect(webPreferences('/p.cjs')).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, preload: '/p.cjs' });
  });
  it('let the alarm tone sound without a click (after a reload, at 3 a.m.)', () => {
    expect(webPreferences('/p.cjs').autoplayPolicy).toBe('no-user-gesture-required');
  });
});

describe('navigation', () => {
  it.each([
    ['app://station/', true], ['app://station/#/persons/P1', true], ['app://station/index.html?x=1', true],
    ['app://other/', false], ['https://example.com/', false], ['http://127.0.0.1:8620/', false], ['file:///etc/passwd', false],
    ['app://user:pw@station/', false], ['javascript:alert(1)', false], ['not a url', false], ['data:text/html,<b>x</b>', false],
  ])('%s → %s', (url, allowed) => {
    expect(allowNavigation(url)).toBe(allowed);
    expect(isTrustedSender(url)).toBe(allowed);
  });
  it('never opens new windows', () => {
    for (const url of ['app://station/', 'https://example.com/']) expect(allowNewWindow(url)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});

describe('permissions: only the camera, only for the app\'s own pages (登记照片)', () => {
  it.each([
    ['media', 'app://station/#/enter', ['video'], true],
    ['media', 'app://station', ['video'], true],
    ['media', 'app://station/', ['audio'], false],
    ['media', 'app://station/', ['video', 'audio'], false],
    ['media', 'app://station/', [], false],
    ['media', 'app://evil/', ['video'], false],
    ['media', 'https://example.com/', ['video'], false],
    ['media', 'file:///etc/passwd', ['video'], false],
    ['geolocation', 'app://station/', [], false],
    ['notifications', 'app://station/', [], false],
    ['clipboard-read', 'app://station/', [], false],
    ['openExternal', 'app://station/', [], false],
  ])('%s from %s for %j → %s', (permission, from, mediaTypes, allowed) => {
    expect(allowPermission({ permission, from, mediaTypes })).toBe(allowed);
  });
});

describe('app:// path containment', () => {
  const root = '/opt/station/dist/renderer';
  it.each([
    ['app://station/', `${root}`],
    ['app://station/index.html', `${root}/index.html`],
    ['app://station/assets/a.js', `${root}/assets/a.js`],
    ['app://station/../../../etc/passwd', `${root}/etc/passwd`],
    ['app://station/%2e%2e/%2e%2e/etc/passwd', `${root}/etc/passwd`],
    ['app://station/..%2f..%2fetc%2fpasswd', null],
    ['app://station/a%00.js', null],
    ['app://station/a%5c..%5c..%5cwin.ini', null],
    ['app://station/%E0%A4%A', null],
    ['app://evil/index.html', null],
  ])('%s → %s', (url, expected) => {
    expect(appRequestPath(root, url)).toBe(expected);
  });
  it('never leaves the folder, whatever the path', () => {
    const parts = ['..', '%2e%2e', '%2E%2e', '.', 'a', '%2f', '%5c', '//', '%00', '~', 'etc', 'passwd'];
    for (let i = 0; i < 2000; i++) {
      const path = Array.from({ length: 1 + (i % 6) }, (_, j) => parts[(i * 7 + j * 13) % parts.length]).join('/');
      const got = appRequestPath(root, `app://station/${path}`);
      if (got !== null) expect(got === root || got.startsWith(`${root}/`)).toBe(true);
    }
  });
});
