// @vitest-environment jsdom
// 出区: nothing is pre-set; the page refuses until a destination and every item's fate are given
// (移交 and 扣押 with where), says all of it at once with the keyboard on the first, takes each
// message away as it is answered, and sends each item's disposition.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { T } from '../../common/deskText.js';
import { ExitScreen } from '../../renderer/src/screens/exit/ExitScreen.js';
import { detailFixture, FakeBridge, itemFixture } from './fakeBridge.js';
import { renderStation } from './renderStation.js';

afterEach(cleanup);

const ITEMS = [itemFixture({ id: 'I1', name: '手机' }), itemFixture({ id: 'I2', name: '钱包' }), itemFixture({ id: 'I3', name: '钥匙' })];

async function open(): Promise<FakeBridge> {
  const bridge = new FakeBridge({ person: () => detailFixture({ items: ITEMS }) });
  renderStation(<ExitScreen id="P1" />, bridge);
  await screen.findByRole('heading', { name: T.exit.title });
  return bridge;
}

const group = (name: string): HTMLElement => screen.getByRole('group', { name });
const errorOf = (field: string): string | null => document.querySelector(`[data-error-for="${field}"]`)?.textContent ?? null;
const submit = (): void => { fireEvent.click(screen.getByRole('button', { name: T.exit.button })); };

describe('exit', () => {
  it('pre-sets nothing and refuses until every item is settled, all at once, the keyboard on the first', async () => {
    const bridge = await open();
    for (const item of ITEMS) expect(within(group(`${item.name} ${T.exit.disposition}`)).getAllByRole('radio').some((r) => (r as HTMLInputElement).checked)).toBe(false);
    submit();
    await waitFor(() => expect(errorOf('destination')).toBe(T.exit.needDestination));
    expect([0, 1, 2].map((i) => errorOf(`belongings.${i}.disposition`))).toEqual([T.exit.needDisposition, T.exit.needDisposition, T.exit.needDisposition]);
    await waitFor(() => expect(document.activeElement).toBe(within(group(T.exit.destination)).getByRole('radio', { name: '释放' })));
    expect(bridge.commands()).toEqual([]);

    // Answered one by one, the messages go away at once.
    fireEvent.click(within(group(T.exit.destination)).getByRole('radio', { name: '送看守所' }));
    await waitFor(() => expect(errorOf('destination')).toBeNull());
    fireEvent.click(within(group(`钱包 ${T.exit.disposition}`)).getByRole('radio', { name: T.exit.dispositions.retained }));
    await waitFor(() => expect(errorOf('belongings.1.note')).toBe(T.exit.needWhere));
    expect(errorOf('belongings.1.disposition')).toBeNull();
    expect(errorOf('belongings.0.disposition')).toBe(T.exit.needDisposition);
  });

  it('sends each item\'s disposition, with where for what is not returned', async () => {
    const bridge = await open();
    fireEvent.click(within(group(T.exit.destination)).getByRole('radio', { name: '送看守所' }));
    fireEvent.click(screen.getByRole('button', { name: T.exit.allReturned }));
    fireEvent.click(within(group(`钱包 ${T.exit.disposition}`)).getByRole('radio', { name: T.exit.dispositions.retained }));
    fireEvent.change(screen.getByLabelText(`钱包 ${T.exit.itemNote}`), { target: { value: '涉案物品保管室 3 号柜' } });
    fireEvent.click(within(group(`钥匙 ${T.exit.disposition}`)).getByRole('radio', { name: T.exit.dispositions.transferred }));
    fireEvent.change(screen.getByLabelText(`钥匙 ${T.exit.itemNote}`), { target: { value: '移交家属' } });
    submit();
    await waitFor(() => expect(bridge.commands()).toHaveLength(1));
    expect(bridge.commands()[0]).toEqual({
      type: 'person.exit', personId: 'P1', destination: 'detention_center', belongingsReturned: false,
      belongings: [
        { item: 'I1', disposition: 'returned' },
        { item: 'I2', disposition: 'retained', note: '涉案物品保管室 3 号柜' },
        { item: 'I3', disposition: 'transferred', note: '移交家属' },
      ],
    });
  });
});
