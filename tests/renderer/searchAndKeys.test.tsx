// @vitest-environment jsdom
// The header's search from every screen (/ puts the keyboard in it; ↓ and Enter open a person),
// the number keys shown in the navigation (ignored while typing), and 在区人员 by remaining time.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { T } from '../../common/deskText.js';
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
