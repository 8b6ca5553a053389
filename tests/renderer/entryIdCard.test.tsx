// @vitest-environment jsdom
// 入区登记 from the desk's ID-card reader: a card placed while the form is open fills it and says
// which fields came from the card; an expired card is flagged; a card of a person in the area is
// refused naming them; the command records the fields that kept the card's values.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeskIdCardView, IdCard, IdCardReadView } from '../../common/idCard.js';
import { ID_CARD_TEXT } from '../../common/idCardText.js';
import { T } from '../../common/deskText.js';
import { EntryScreen } from '../../renderer/src/screens/entry/EntryScreen.js';
import { EMPTY_DRAFT, entryCommand, fillFromCard } from '../../renderer/src/screens/entry/draft.js';
import { RECHECK_MS } from '../../renderer/src/screens/entry/useDeskIdCard.js';
import { FakeBridge, NOW } from './fakeBridge.js';
import { renderStation } from './renderStation.js';

const UYGHUR_CARD: IdCard = {
  name: '阿依古丽·买买提艾力·吐尔逊江', gender: 'female', nation: '05', nationName: '维吾尔', birthDate: '1962-11-02',
  address: '新疆维吾尔自治区乌鲁木齐市天山区解放南路街道团结路社区幸福巷一百二十号', idNumber: '65010219621102128X',
  authority: '乌鲁木齐市公安局天山区分局', validFrom: '2015-01-09', validUntil: '长期',
};
const EXPIRED_CARD: IdCard = {
  name: '岩温香', gender: 'male', nation: '18', nationName: '傣', birthDate: '1990-07-01',
  address: '云南省德宏傣族景颇族自治州瑞丽市姐告街道', idNumber: '53310219900701003X',
  authority: '德宏傣族景颇族自治州公安局瑞丽', validFrom: '2008-09-01', validUntil: '2018-09-01',
};

afterEach(cleanup);

const WLT_SHA = 'ab'.repeat(32);
const READY: DeskIdCardView = { configured: true, online: true, seq: 4, read: null };

/** A station whose reader is ready, then offers `read` to the form's first wait, then waits for ever. */
function stationOffering(read: IdCardReadView): FakeBridge {
  const bridge = new FakeBridge();
  let calls = 0;
  bridge.on('deskIdCard', (arg) => {
    calls++;
    if (calls === 1) return READY;
    if (calls === 2) {
      expect(arg).toEqual({ after: 4, waitMs: 8000 });
      return { ...READY, seq: read.seq, read };
    }
    return new Promise<DeskIdCardView>(() => undefined);
  });
  return bridge;
}

const value = (label: string): string => (screen.getByLabelText(label, { exact: true }) as HTMLInputElement).value;

describe('entry form: the resident ID card', () => {
  it('fills name, ID number, 户籍地 and 民族 from a card placed while it is open, and says so', async () => {
    renderStation(<EntryScreen />, stationOffering({ seq: 5, at: NOW, card: UYGHUR_CARD, expired: false, inArea: null, photoSha256: WLT_SHA }));
    await waitFor(() => expect(value(T.entry.name)).toBe(UYGHUR_CARD.name));
    expect(value(T.entry.idNumber)).toBe(UYGHUR_CARD.idNumber);
    expect(value(T.entry.household)).toBe(UYGHUR_CARD.address);
    expect(value(ID_CARD_TEXT.nation)).toBe('维吾尔');
    expect(screen.getByText(ID_CARD_TEXT.fromCard(['name', 'gender', 'birthDate', 'idNumber', 'household', 'nation']))).toBeTruthy();
    expect(document.querySelector('[data-idcard-expired]')).toBeNull();
    // An officer puts the 户籍地 right: it is no longer marked as read from the card.
    fireEvent.change(screen.getByLabelText(T.entry.household, { exact: true }), { target: { value: '新疆乌鲁木齐市' } });
    expect(document.querySelector('[data-idcard-fields]')?.getAttribute('data-idcard-fields')).toBe('name,gender,birthDate,idNumber,nation');
  });

  it('flags an expired card and still fills the form', async () => {
    renderStation(<EntryScreen />, stationOffering({ seq: 5, at: NOW, card: EXPIRED_CARD, expired: true, inArea: null, photoSha256: WLT_SHA }));
    await waitFor(() => expect(document.querySelector('[data-idcard-expired]')?.textContent).toContain(ID_CARD_TEXT.expired('2018-09-01')));
    expect(value(T.entry.name)).toBe(EXPIRED_CARD.name);
  });

  it('refuses a card of a person in the area, naming them, and fills nothing', async () => {
    renderStation(<EntryScreen />, stationOffering({ seq: 5, at: NOW, card: EXPIRED_CARD, expired: true, inArea: { id: 'P20260302001', name: '岩温香' }, photoSha256: WLT_SHA }));
    await waitFor(() => expect(screen.getByText(ID_CARD_TEXT.inArea('岩温香', 'P20260302001'), { exact: false })).toBeTruthy());
    expect(value(T.entry.name)).toBe('');
    expect(screen.getByRole('link', { name: ID_CARD_TEXT.openPerson }).getAttribute('href')).toContain('P20260302001');
  });

  it('says nothing of a reader the station does not have', async () => {
    const bridge = new FakeBridge();
    renderStation(<EntryScreen />, bridge);
    await waitFor(() => expect(bridge.calls.some((c) => c.method === 'deskIdCard')).toBe(true));
    expect(document.querySelector('[data-idcard-panel]')).toBeNull();
  });

  it('asks again while the station has no reader, and reads cards once one is connected on 办案区设置', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const bridge = new FakeBridge();
      let connected = false;
      const read: IdCardReadView = { seq: 5, at: NOW, card: UYGHUR_CARD, expired: false, inArea: null, photoSha256: WLT_SHA };
      bridge.on('deskIdCard', (arg) => {
        if (!connected) return { configured: false, online: false, seq: 0, read: null };
        const after = (arg as { after: number }).after;
        // Then it waits for ever: no second card.
        return after === 0 ? READY : after < 5 ? { ...READY, seq: 5, read } : new Promise<DeskIdCardView>(() => undefined);
      });
      renderStation(<EntryScreen />, bridge);
      await waitFor(() => expect(bridge.calls.filter((c) => c.method === 'deskIdCard')).toHaveLength(1));
      expect(document.querySelector('[data-idcard-panel]')).toBeNull();
      connected = true;
      await vi.advanceTimersByTimeAsync(RECHECK_MS);
      await waitFor(() => expect(value(T.entry.name)).toBe(UYGHUR_CARD.name));
      // The first answer after the reader appeared only said where it stands: the card came after it.
      expect(bridge.calls.filter((c) => c.method === 'deskIdCard').map((c) => c.arg).slice(0, 3)).toEqual([{ after: 0 }, { after: 0 }, { after: 4, waitMs: 8000 }]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('records the fields that kept the card\'s values, the nation and the card\'s validity', () => {
    const filled = fillFromCard(EMPTY_DRAFT, { seq: 1, at: NOW, card: UYGHUR_CARD, expired: false, inArea: null, photoSha256: WLT_SHA });
    const command = entryCommand({ ...filled, name: '阿依古丽' }, 'P1') as { person: { details: Record<string, string>; gender: string; birthDate: string } };
    expect(command.person.details).toMatchObject({ household: UYGHUR_CARD.address, nation: '维吾尔', fromCard: 'gender,birthDate,idNumber,household,nation', cardValidUntil: '长期' });
    expect(command.person).toMatchObject({ gender: 'female', birthDate: '1962-11-02' });
    const typed = entryCommand(EMPTY_DRAFT, 'P2') as { person: { details: Record<string, string> } };
    expect(typed.person.details.fromCard).toBeUndefined();
  });
});
