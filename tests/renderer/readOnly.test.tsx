// @vitest-environment jsdom
// A supervisor's account is read-only: the navigation offers the dashboard and the read pages,
// and no page shows a control that would issue a command (not disabled — absent). The same pages
// for the administrator do show them, so the test can tell the difference. A refusal by the
// station (403) is shown where the command was given.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiCallError } from '../../common/api.js';
import { T } from '../../common/deskText.js';
import { R } from '../../common/recordingText.js';
import type { Overview, PersonDetail, SessionInfo } from '../../common/views.js';
import { Shell } from '../../renderer/src/shell/Shell.js';
import { StationProvider } from '../../renderer/src/station/StationProvider.js';
import { AlarmBar } from '../../renderer/src/widgets/AlarmBar.js';
import { alarmFixture, FakeBridge, NOW, overviewFixture, personFixture, SESSION, SUPERVISOR } from './fakeBridge.js';
import { renderStation } from './renderStation.js';

// The shell scrolls a new screen to its top; jsdom does not scroll.
beforeAll(() => { window.scrollTo = (() => undefined) as typeof window.scrollTo; });

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

function areaWithASession(): Overview {
  const base = overviewFixture();
  return overviewFixture({
    rooms: [
      ...base.rooms.map((r) => ({ ...r, persons: ['P1'] })),
      {
        id: 'INT1', name: '讯问室一', kind: 'interrogation', capacity: null, recordingRequired: true, guardRequired: true, persons: ['P2'], officers: ['E001'],
        recording: 'recorded', readers: [],
        cameras: [{ id: 'CAM-INT1', room: 'INT1', online: true, recording: true, statusAt: NOW - 60_000, lastSegmentAt: NOW - 30_000 }],
        sessions: [{ id: 'S1', room: 'INT1', personId: 'P2', kind: 'interrogation', officers: ['E001'], appropriateAdults: [], startedAt: NOW - 600_000, endedAt: null, confirmedUnrecorded: false }],
      },
    ],
    persons: [
      personFixture(),
      personFixture({ id: 'P2', name: '李四', securityChecked: true, activeSession: 'S1', whereabouts: { kind: 'room', room: 'INT1' }, activeAlarms: 0 }),
    ],
    alarms: [alarmFixture()],
  });
}

function personDetail(): PersonDetail {
  return {
    summary: personFixture(), idNumber: null, officers: ['E001', 'E002'], details: {}, enteredBy: 'E100', checks: [], items: [], collections: [],
    sessions: [], care: [], movements: [], tempExits: [], extensions: [], exit: null, alarms: [alarmFixture()], corrections: [], corrected: [],
  };
}

function station(session: SessionInfo): FakeBridge {
  const bridge = new FakeBridge({
    overview: () => areaWithASession(),
    alarms: () => [alarmFixture()],
    person: () => personDetail(),
    timeline: () => [],
  });
  render(<StationProvider bridge={bridge} session={session} onSignedOut={() => undefined}><Shell /></StationProvider>);
  return bridge;
}

async function go(hash: string): Promise<void> {
  await act(async () => {
    window.location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

/** Every control on the page that would issue a command, by its words. */
function commandControls(): string[] {
  const words: string[] = [
    T.alarmBar.ack, T.actions.moveButton, T.actions.meal, T.actions.rest, T.actions.leave, T.actions.extendButton, T.actions.returned,
    T.room.officerInButton, T.room.start.button, T.room.session.end, T.room.session.leave, T.room.session.join, T.entry.register,
  ];
  const buttons = screen.queryAllByRole('button').map((b) => b.textContent ?? '').filter((t) => words.includes(t));
  const links = screen.queryAllByRole('link').map((a) => a.textContent ?? '').filter((t) => t === T.actions.exit);
  const moveForms = [...document.querySelectorAll('[data-move-form]')].map(() => 'move form');
  return [...buttons, ...links, ...moveForms];
}

/** The links' words, without the number key each shows. */
const navLinks = (): string[] => within(screen.getByRole('navigation', { name: T.shell.navLabel })).getAllByRole('link')
  .map((a) => [...a.childNodes].filter((n) => n.nodeName !== 'KBD').map((n) => n.textContent).join(''));
/** The number keys shown beside them. */
const navKeys = (): string[] => within(screen.getByRole('navigation', { name: T.shell.navLabel })).getAllByRole('link').map((a) => a.querySelector('kbd')?.textContent ?? '');

describe('a supervisor sees the area read-only', () => {
  it('gets the dashboard as home and only the pages a supervisor may use', async () => {
    station(SUPERVISOR);
    await screen.findByRole('heading', { name: T.dashboard.title });
    expect(navLinks()).toEqual([T.shell.nav.dashboard, T.shell.nav.persons, T.shell.nav.alarms, R.nav.wall, T.handover.nav, T.shell.nav.stats, T.shell.nav.exports, T.shell.nav.audit]);
    expect(navKeys()).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    await screen.findAllByText('张三');
    expect(commandControls()).toEqual([]);
    // The alarm is there, but nobody at this screen can acknowledge it: no tone.
    expect(document.querySelector('.alarm-bar')?.getAttribute('data-sounding')).toBe('false');
  });

  it('offers no command on the room, person, alarm and entry pages', async () => {
    station(SUPERVISOR);
    await screen.findByRole('heading', { name: T.dashboard.title });

    await go('#/room/INT1');
    await screen.findByRole('heading', { name: T.room.session.title('讯问') });
    expect(commandControls()).toEqual([]);

    await go('#/person/P1');
    await screen.findByText(T.common.readOnly);
    expect(screen.getByRole('link', { name: T.actions.print })).toBeTruthy();
    expect(commandControls()).toEqual([]);

    await go('#/alarms');
    await waitFor(() => expect(document.querySelectorAll('.alarms-table tbody tr')).toHaveLength(1));
    expect(commandControls()).toEqual([]);

    await go('#/enter');
    await screen.findByText(T.common.readOnly);
    expect(commandControls()).toEqual([]);

    await go('#/accounts');
    await screen.findByText(T.common.forbiddenPage);
  });

  it('shows the same pages with their commands to the administrator', async () => {
    station(SESSION);
    await screen.findByRole('heading', { name: T.overview.title });
    expect(navLinks()).toContain(T.shell.nav.enter);
    fireEvent.click(screen.getByRole('button', { name: T.shell.nav.admin }));
    expect(navLinks()).toContain(T.shell.nav.accounts);
    await waitFor(() => expect(commandControls()).toContain(T.alarmBar.ack));
    await go('#/room/INT1');
    await screen.findByRole('heading', { name: T.room.session.title('讯问') });
    expect(commandControls()).toEqual(expect.arrayContaining([T.room.session.end, T.room.session.leave, 'move form']));
  });
});

describe('a refusal by the station', () => {
  it('shows the station\'s 403 message where the command was given', async () => {
    const desk: SessionInfo = { ...SESSION, roles: ['desk'] };
    const bridge = new FakeBridge({
      overview: () => overviewFixture({ persons: [personFixture()], alarms: [alarmFixture()] }),
      submit: () => { throw new ApiCallError(403, 'FORBIDDEN', '当前账户的角色无权执行 alarm.ack'); },
    });
    renderStation(<AlarmBar />, bridge, NOW, desk);
    fireEvent.click(await screen.findByRole('button', { name: T.alarmBar.ack }));
    const dialog = screen.getByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(T.ack.note, { exact: true }), { target: { value: '已处置' } });
    fireEvent.click(within(dialog).getByRole('button', { name: T.ack.confirm }));
    expect(await within(dialog).findByText('当前账户的角色无权执行 alarm.ack')).toBeTruthy();
  });
});
