// @vitest-environment jsdom
// Any page address at all is a page: a malformed one (a cut-off percent escape, as a mangled
// link or a hand-typed address gives) shows "not found" inside the desk, never a blank window.
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { T } from '../../common/deskText.js';
import { parseRoute } from '../../renderer/src/router/route.js';
import { Shell } from '../../renderer/src/shell/Shell.js';
import { StationProvider } from '../../renderer/src/station/StationProvider.js';
import { FakeBridge, overviewFixture, SESSION } from './fakeBridge.js';

beforeAll(() => { window.scrollTo = (() => undefined) as typeof window.scrollTo; });
afterEach(() => {
  cleanup();
  window.location.hash = '';
});

describe('page addresses', () => {
  it.each(['#/%E0%A4%A', '#/person/%E0%A4%A', '#/person/P1/%', '#/room/%ZZ', '#/%'])('%s is a page not found', (hash) => {
    expect(parseRoute(hash)).toEqual({ name: 'notFound', path: hash.slice(2) });
  });

  it('still decodes proper escapes', () => {
    expect(parseRoute('#/person/%E5%BC%A0%201/check')).toEqual({ name: 'check', id: '张 1' });
  });

  it('shows the desk with "not found" for a malformed address, and goes on to the next one', async () => {
    window.location.hash = '#/%E0%A4%A';
    const bridge = new FakeBridge({ overview: () => overviewFixture(), alarms: () => [] });
    render(<StationProvider bridge={bridge} session={SESSION} onSignedOut={() => undefined}><Shell /></StationProvider>);
    expect(await screen.findByText(T.common.notFound, { exact: false })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: T.shell.navLabel })).toBeTruthy();
    await act(async () => {
      window.location.hash = '#/alarms';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(screen.queryByText(T.common.notFound, { exact: false })).toBeNull();
  });
});
