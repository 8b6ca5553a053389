// @vitest-environment jsdom
// The header's search from every screen (/ puts the keyboard in it; ↓ and Enter open a person),
// the number keys shown in the navigation (ignored while typing), the administrator's screens under
// 系统管理, and 在区人员 by remaining time.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { T } from '../../common/deskText.js';
import { R } from '../../common/recordingText.js';
import { SETUP_TEXT } from '../../common/setupText.js';
import { PersonsScreen } from '../../renderer/src/screens/persons/PersonsScreen.js';
import { Shell } from '../../renderer/src/shell/Shell.js';
import { StationProvider } from '../../renderer/src/station/StationProvider.js';
import { FakeBridge, NOW, personFixture, SESSION } from './fakeBridge.js';
import { renderStation } from './renderStation.js';

beforeAll(() => { window.scrollTo = (() => undefined) as typeof window.scrollTo; });
afterEach(() => {
  cleanup();
  window.location.hash = '';
});

function shell(bridge: FakeBridge): void {
  render(<StationProvider bridge={bridge} session={SESSION} onSignedOut={() => undefined}><Shell /></StationProvider>);
}

describe('the header search', () => {
  it('is reached with / from anywhere, asks the station, and opens the chosen person with Enter', async () => {
    const bridge = new FakeBridge({
      search: ({ text }) => (text === '李' ? [
        { person: personFixture({ id: 'P1', name: '李四' }), idNumber: null, matched: 'name' as const },
        { person: personFixture({ id: 'P2', name: '李娜', status: 'exited' }), idNumber: null, matched: 'name' as const },
      ] : []),
    });
    shell(bridge);
    await screen.findByRole('heading', { name: T.overview.title });
    fireEvent.keyDown(document.body, { key: '/' });
    const box = screen.getByRole('combobox', { name: T.search.label });
    expect(document.activeElement).toBe(box);
    fireEvent.change(box, { target: { value: '李' } });
    const list = await screen.findByRole('listbox');
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(2));
    expect(within(list).getAllByRole('option')[1]?.textContent).toContain(T.search.status.exited);
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(window.location.hash).toBe('#/person/P2'));
    expect(bridge.calls.find((c) => c.method === 'search')?.arg).toEqual({ text: '李', limit: 12 });
  });
});

describe('number keys', () => {
  it('open the page their navigation entry shows, but not while typing in a field', async () => {
    shell(new FakeBridge());
    await screen.findByRole('heading', { name: T.overview.title });
    const nav = screen.getByRole('navigation', { name: T.shell.navLabel });
    const enter = within(nav).getByRole('link', { name: T.shell.nav.enter });
    expect(enter.querySelector('kbd')?.textContent).toBe('3');
    expect(enter.getAttribute('aria-keyshortcuts')).toBe('3');
    // Alt+3 is the browser's (switches tabs): not taken.
    fireEvent.keyDown(document.body, { key: '3', altKey: true });
    expect(window.location.hash).toBe('');
    await act(async () => { fireEvent.keyDown(document.body, { key: '3' }); });
    await screen.findByRole('heading', { name: T.entry.title });
    const name = screen.getByLabelText(T.entry.name, { exact: true });
    fireEvent.keyDown(name, { key: '5' });
    expect(window.location.hash).toBe('#/enter');
  });
});

describe('系统管理', () => {
  const navLabels = (nav: HTMLElement): string[] => within(nav).getAllByRole('link')
    .map((a) => [...a.childNodes].filter((n) => n.nodeName !== 'KBD').map((n) => n.textContent).join(''));

  it('keeps an administrator\'s header to ten numbered entries and opens the own screens from one entry', async () => {
    shell(new FakeBridge());
    await screen.findByRole('heading', { name: T.overview.title });
    const nav = screen.getByRole('navigation', { name: T.shell.navLabel });
    // Shut: the row alone, each entry with its number key.
    expect(navLabels(nav)).toEqual([T.shell.nav.overview, T.shell.nav.dashboard, T.shell.nav.enter, T.shell.nav.persons, T.shell.nav.alarms,
      R.nav.wall, T.handover.nav, T.shell.nav.stats, T.shell.nav.exports, T.shell.nav.audit]);
    expect(within(nav).getAllByRole('link').map((a) => a.querySelector('kbd')?.textContent)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '0']);

    const menu = within(nav).getByRole('button', { name: T.shell.nav.admin });
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(menu);
    expect(menu.getAttribute('aria-expanded')).toBe('true');
    expect(navLabels(nav).slice(10)).toEqual([T.shell.nav.accounts, R.nav.viewingLog, SETUP_TEXT.nav]);

    // Escape shuts it and gives the keyboard back to its button.
    const accounts = within(nav).getByRole('link', { name: T.shell.nav.accounts });
    accounts.focus();
    fireEvent.keyDown(accounts, { key: 'Escape' });
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(menu);
    expect(within(nav).queryByRole('link', { name: T.shell.nav.accounts })).toBeNull();

    // A click elsewhere shuts it too.
    fireEvent.click(menu);
    fireEvent.pointerDown(document.body);
    expect(menu.getAttribute('aria-expanded')).toBe('false');

    // Opening a page from it shuts it, and the entry shows where the administrator is.
    fireEvent.click(menu);
    await act(async () => { fireEvent.click(within(nav).getByRole('link', { name: T.shell.nav.accounts })); });
    await waitFor(() => expect(window.location.hash).toBe('#/accounts'));
    await waitFor(() => expect(menu.getAttribute('aria-current')).toBe('page'));
    expect(menu.getAttribute('aria-expanded')).toBe('false');
  });

  it('is not there for an account with no administrator\'s screen', async () => {
    render(<StationProvider bridge={new FakeBridge()} session={{ ...SESSION, roles: ['desk'] }} onSignedOut={() => undefined}><Shell /></StationProvider>);
    await screen.findByRole('heading', { name: T.overview.title });
    const nav = screen.getByRole('navigation', { name: T.shell.navLabel });
    expect(within(nav).queryByRole('button')).toBeNull();
  });
});

describe('在区人员', () => {
  it('lists everyone in the area by remaining time, with the last meal and alarms', async () => {
    const bridge = new FakeBridge({
      persons: () => [
        personFixture({ id: 'P1', name: '晚到', deadlineAt: NOW + 10 * 3_600_000, lastMealAt: NOW - 7_200_000 }),
        personFixture({ id: 'P2', name: '无时限', deadlineAt: null, limitHours: null, role: 'witness', activeAlarms: 0 }),
        personFixture({ id: 'P3', name: '将届满', deadlineAt: NOW + 1_800_000, activeAlarms: 2 }),
      ],
    });
    renderStation(<PersonsScreen />, bridge);
    await screen.findByRole('heading', { name: T.persons.inAreaTitle });
    await waitFor(() => expect([...document.querySelectorAll('tr[data-person]')].map((r) => r.getAttribute('data-person'))).toEqual(['P3', 'P1', 'P2']));
    expect(document.querySelector('tr[data-person=P1]')?.textContent).toContain('（2:00:00 前）');
    expect(document.querySelector('tr[data-person=P2]')?.textContent).toContain(T.persons.noMeal);
  });
});
