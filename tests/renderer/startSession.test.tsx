// @vitest-environment jsdom
// Starting a session: the person's case officers are offered first (one click ticks them); in a
// room that must be recorded and is not, the operator confirms first and the command says so.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { T } from '../../common/deskText.js';
import type { RoomView } from '../../common/views.js';
import { StartSession } from '../../renderer/src/screens/room/StartSession.js';
import { detailFixture, FakeBridge, overviewFixture, personFixture } from './fakeBridge.js';
import { renderStation } from './renderStation.js';

afterEach(cleanup);

const INT1: RoomView = {
  id: 'INT1', name: '讯问室一', kind: 'interrogation', capacity: null, recordingRequired: true, guardRequired: true, persons: [], officers: [],
  recording: 'not_recorded', readers: [], sessions: [],
  cameras: [{ id: 'CAM-INT1', room: 'INT1', online: true, recording: false, statusAt: null, lastSegmentAt: null, reason: 'ffmpeg exited' }],
};

function open(room: RoomView): FakeBridge {
  const bridge = new FakeBridge({
    overview: () => overviewFixture({
      persons: [personFixture({ securityChecked: true })],
      officers: [
        { id: 'E001', name: '王建国', gender: 'male', tag: null, whereabouts: { kind: 'unknown' } },
        { id: 'E002', name: '李秀英', gender: 'female', tag: null, whereabouts: { kind: 'unknown' } },
        { id: 'E003', name: '赵志强', gender: 'male', tag: null, whereabouts: { kind: 'unknown' } },
      ],
    }),
    person: () => detailFixture({ officers: ['E003', 'E002'] }),
  });
  renderStation(<StartSession room={room} />, bridge);
  return bridge;
}

async function choosePersonAndCaseOfficers(): Promise<void> {
  const person = await screen.findByLabelText(T.room.start.person, { exact: true });
  await waitFor(() => expect(within(person).getAllByRole('option')).toHaveLength(2));
  fireEvent.change(person, { target: { value: 'P1' } });
  fireEvent.click(await screen.findByRole('button', { name: T.room.start.pickCaseOfficers('赵志强、李秀英') }));
}

describe('starting a session', () => {
  it('offers the case officers first and ticks them with one click, in their order', async () => {
    open({ ...INT1, recording: 'recorded', cameras: [] });
    await choosePersonAndCaseOfficers();
    const boxes = within(screen.getByRole('group', { name: T.room.start.officers })).getAllByRole('checkbox') as HTMLInputElement[];
    expect(boxes.map((b) => b.closest('label')?.textContent?.slice(0, 3))).toEqual(['赵志强', '李秀英', '王建国']);
    expect(boxes.map((b) => b.checked)).toEqual([true, true, false]);
  });

  it('asks before starting in a room that is not recorded, and the command says it was confirmed', async () => {
    const bridge = open(INT1);
    await choosePersonAndCaseOfficers();
    fireEvent.click(screen.getByRole('checkbox', { name: T.room.start.moveIn }));
    fireEvent.click(screen.getByRole('button', { name: T.room.start.button }));
    const dialog = await screen.findByRole('dialog', { name: T.room.start.unrecordedTitle });
    expect(dialog.textContent).toContain('ffmpeg exited');
    // Not yet: the safe answer has the keyboard, and cancelling sends nothing.
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: T.room.start.unrecordedCancel }));
    fireEvent.click(within(dialog).getByRole('button', { name: T.room.start.unrecordedCancel }));
    expect(bridge.commands()).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: T.room.start.button }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: T.room.start.unrecordedConfirm }));
    await waitFor(() => expect(bridge.commands()).toHaveLength(1));
    expect(bridge.commands()[0]).toEqual({
      type: 'session.start', sessionId: 'P1-S1', room: 'INT1', personId: 'P1', kind: 'interrogation', officers: ['E003', 'E002'], confirmedUnrecorded: true,
    });
  });

  it('does not ask in a recorded room, and says nothing about it in the command', async () => {
    const bridge = open({ ...INT1, recording: 'recorded', cameras: [] });
    await choosePersonAndCaseOfficers();
    fireEvent.click(screen.getByRole('checkbox', { name: T.room.start.moveIn }));
    fireEvent.click(screen.getByRole('button', { name: T.room.start.button }));
    await waitFor(() => expect(bridge.commands()).toHaveLength(1));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(bridge.commands()[0]).not.toHaveProperty('confirmedUnrecorded');
  });
});
