// @vitest-environment jsdom
// 入区登记: the ID number is checked as it is typed (GB 11643), birth date and gender come from it,
// the basis shows its legal limit, and a refusal of the station is shown at the field it names.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { T } from '../../common/deskText.js';
import { checkCharacter } from '../../common/idNumber.js';
import { EntryScreen } from '../../renderer/src/screens/entry/EntryScreen.js';
import { FakeBridge } from './fakeBridge.js';
import { renderStation } from './renderStation.js';

const VALID = `11010519900307001${checkCharacter('11010519900307001')}`;
const WRONG_CHECK = `11010519900307001${checkCharacter('11010519900307001') === '0' ? '1' : '0'}`;
/** Born 2010-05-20: a minor on 2026-03-02. Sequence digit 2 is even: female. */
const MINOR_FEMALE = `32010220100520002${checkCharacter('32010220100520002')}`;

afterEach(cleanup);

const type = (label: string, value: string): void => {
  fireEvent.change(screen.getByLabelText(label, { exact: true }), { target: { value } });
};

async function openForm(bridge = new FakeBridge()): Promise<FakeBridge> {
  renderStation(<EntryScreen />, bridge);
  await waitFor(() => expect(screen.getAllByRole('option', { name: '王建国（E001）' }).length).toBeGreaterThan(0));
  return bridge;
}

function fillValidPerson(): void {
  type(T.entry.name, '欧阳建华');
  type(T.entry.idNumber, VALID);
  type(T.entry.role, 'suspect');
  type(T.entry.basis, 'criminal_summons');
  type(T.entry.officer1, 'E001');
  type(T.entry.officer2, 'E002');
}

function fieldOf(name: string): HTMLElement {
  const el = document.querySelector<HTMLElement>(`[data-field="${name}"]`);
  if (!el) throw new Error(`no field ${name}`);
  return el;
}

describe('entry form: ID number', () => {
  it('counts digits while typing, then derives birth date, gender and age from a valid number', async () => {
    await openForm();
    type(T.entry.idNumber, '1101051990');
    expect(within(fieldOf('person.idNumber')).getByText(T.entry.idTyping(10))).toBeTruthy();
    type(T.entry.idNumber, VALID);
    expect(within(fieldOf('person.idNumber')).getByText(T.entry.idOk('1990-03-07', '男', 35))).toBeTruthy();
    const gender = screen.getByLabelText(T.entry.gender, { exact: true }) as HTMLSelectElement;
    expect(gender.value).toBe('male');
    expect(gender.disabled).toBe(true);
    expect((screen.getByLabelText(T.entry.birthDate, { exact: true }) as HTMLInputElement).value).toBe('1990-03-07');
  });

  it('says what is wrong with a number the station would refuse', async () => {
    await openForm();
    type(T.entry.idNumber, WRONG_CHECK);
    expect(within(fieldOf('person.idNumber')).getByText('校验码错误（GB 11643）')).toBeTruthy();
    type(T.entry.idNumber, '110105199002300011');
    expect(within(fieldOf('person.idNumber')).getByText('第 7–14 位不是有效的出生日期')).toBeTruthy();
    type(T.entry.idNumber, '11010519900307001A');
    expect(within(fieldOf('person.idNumber')).getByText('应为 17 位数字加 1 位校验码（数字或 X）')).toBeTruthy();
    // Without a valid number, gender and birth date are typed by hand.
    expect((screen.getByLabelText(T.entry.gender, { exact: true }) as HTMLSelectElement).disabled).toBe(false);
  });

  it('marks a minor and a female from the number', async () => {
    await openForm();
    type(T.entry.idNumber, MINOR_FEMALE);
    expect(within(fieldOf('person.idNumber')).getByText(new RegExp(T.entry.idMinor))).toBeTruthy();
    expect((screen.getByLabelText(T.entry.gender, { exact: true }) as HTMLSelectElement).value).toBe('female');
  });

  it('shows the legal limit of the chosen basis', async () => {
    await openForm();
    type(T.entry.basis, 'admin_summons');
    expect(within(fieldOf('person.basis')).getByText(/法定时限 8 小时.*最长可延长至 24 小时/)).toBeTruthy();
    type(T.entry.basis, 'criminal_detention');
    expect(within(fieldOf('person.basis')).getByText(/法定时限 24 小时.*不可延长/)).toBeTruthy();
  });
});

describe('entry form: submitting', () => {
  it('sends the person with the derived facts and the two officers', async () => {
    const bridge = await openForm();
    fillValidPerson();
    fireEvent.click(screen.getByRole('button', { name: T.entry.register }));
    await waitFor(() => expect(bridge.commands()).toHaveLength(1));
    expect(bridge.commands()[0]).toMatchObject({
      type: 'person.enter',
      person: { name: '欧阳建华', idNumber: VALID, gender: 'male', birthDate: '1990-03-07', role: 'suspect', basis: 'criminal_summons', officers: ['E001', 'E002'] },
    });
    expect((bridge.commands()[0] as { person: { id: string } }).person.id).toBe('P20260302-001');
  });

  it('shows the station\'s refusal next to the field it names, and nowhere else', async () => {
    const bridge = await openForm();
    bridge.on('submit', () => ({ ok: false, at: 0, rejection: { code: 'DUPLICATE_TAG', message: '腕带 T-1 已绑定他人', field: 'person.tag' } }));
    fillValidPerson();
    type(T.entry.tag, 'T-1');
    fireEvent.click(screen.getByRole('button', { name: T.entry.register }));
    const message = await within(fieldOf('person.tag')).findByText('腕带 T-1 已绑定他人');
    expect(message.getAttribute('role')).toBe('alert');
    expect(screen.getByLabelText(T.entry.tag, { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getAllByText('腕带 T-1 已绑定他人')).toHaveLength(1);
  });

  it('puts a refusal about one of the officers at the officers', async () => {
    const bridge = await openForm();
    bridge.on('submit', () => ({ ok: false, at: 0, rejection: { code: 'UNKNOWN_OFFICER', message: '民警 E009 未登记', field: 'person.officers.1' } }));
    fillValidPerson();
    fireEvent.click(screen.getByRole('button', { name: T.entry.register }));
    expect(await within(fieldOf('person.officers')).findByText('民警 E009 未登记')).toBeTruthy();
  });

  it('shows a refusal that names no field of the form at the top', async () => {
    const bridge = await openForm();
    bridge.on('submit', () => ({ ok: false, at: 0, rejection: { code: 'AREA_NOT_CONFIGURED', message: '办案区尚未配置' } }));
    fillValidPerson();
    fireEvent.click(screen.getByRole('button', { name: T.entry.register }));
    const top = await screen.findByText('办案区尚未配置');
    expect(top.classList.contains('form-error')).toBe(true);
  });

  it('refuses on the page when the two officers are not chosen', async () => {
    const bridge = await openForm();
    fillValidPerson();
    type(T.entry.officer2, '');
    fireEvent.click(screen.getByRole('button', { name: T.entry.register }));
    expect(await within(fieldOf('person.officers')).findByText(T.entry.twoOfficers)).toBeTruthy();
    expect(bridge.commands()).toHaveLength(0);
  });
});
