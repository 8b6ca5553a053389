// @vitest-environment jsdom
// Signed in while the station's disk was full: the session lives only in memory, and the desk
// says so (and why it matters) on every page until the officer signs in again.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { T } from '../../common/deskText.js';
import type { SessionInfo } from '../../common/views.js';
import { App } from '../../renderer/src/App.js';
import { FakeBridge, overviewFixture, SESSION } from './fakeBridge.js';

beforeAll(() => { window.scrollTo = (() => undefined) as typeof window.scrollTo; });
afterEach(() => {
  cleanup();
  window.location.hash = '';
});

function app(session: SessionInfo): void {
  const bridge = new FakeBridge({ session: () => session, overview: () => overviewFixture(), alarms: () => [] });
  render(<App bridge={bridge} />);
}

describe('a session kept in memory', () => {
  it('is announced on the desk', async () => {
    app({ ...SESSION, memoryOnly: true });
    const notice = await screen.findByText(T.shell.memorySession);
    expect(notice.getAttribute('role')).toBe('status');
    expect(T.shell.memorySession).toContain('磁盘已满');
  });

  it('is not, when the session is stored as usual', async () => {
    app(SESSION);
    expect(await screen.findByRole('navigation', { name: T.shell.navLabel })).toBeTruthy();
    expect(screen.queryByText(T.shell.memorySession)).toBeNull();
  });
});
