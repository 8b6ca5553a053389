// @vitest-environment jsdom
// A problem on the set-up pages is shown while what it is about is as it was when it was found:
// once that field is edited its message goes, and problems at other fields stay.
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { emptyDraft, type AreaDraft } from '../../common/areaSetup.js';
import { useSetupEditing } from '../../renderer/src/screens/setup/useSetupEditing.js';
import { FakeBridge } from './fakeBridge.js';

const DRAFT: AreaDraft = {
  ...emptyDraft(),
  area: { id: 'NW-01', name: '城北办案区' },
  rooms: [
    { id: 'W1', name: '候问室', kind: 'waiting', capacity: Number.NaN, recordingRequired: false, guardRequired: false },
    { id: 'I1', name: '', kind: 'interrogation', capacity: null, recordingRequired: true, guardRequired: true },
  ],
};

describe('problems on the set-up pages', () => {
  it('go when their field is edited, and stay at the fields not touched', () => {
    const bridge = new FakeBridge();
    const { result } = renderHook(() => useSetupEditing(bridge, null, DRAFT));
    act(() => result.current.show([
      { field: 'rooms.0.capacity', message: '须为整数' },
      { field: 'rooms.1.name', message: '不能为空' },
    ]));
    expect(result.current.problems.map((p) => p.field)).toEqual(['rooms.0.capacity', 'rooms.1.name']);

    // Another field edited: both stay.
    act(() => result.current.setDraft({ ...result.current.draft, area: { id: 'NW-01', name: '城北派出所办案区' } }));
    expect(result.current.problems.map((p) => p.field)).toEqual(['rooms.0.capacity', 'rooms.1.name']);

    // The capacity put right: its message goes, the empty name's stays.
    const rooms = result.current.draft.rooms.map((r, i) => (i === 0 ? { ...r, capacity: 12 } : r));
    act(() => result.current.setDraft({ ...result.current.draft, rooms }));
    expect(result.current.problems).toEqual([{ field: 'rooms.1.name', message: '不能为空' }]);
    expect(result.current.context.problems).toEqual(result.current.problems);

    // A new check shows what it finds, against the draft as it is then.
    act(() => result.current.show([{ field: 'rooms.1.name', message: '不能为空' }]));
    expect(result.current.problems).toHaveLength(1);
    act(() => result.current.show([]));
    expect(result.current.problems).toEqual([]);
  });
});
