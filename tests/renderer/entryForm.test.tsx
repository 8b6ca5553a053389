// @vitest-environment jsdom
// 入区登记: the ID number is checked as it is typed (GB 11643), birth date and gender come from it,
// the basis shows its legal limit, and a refusal of the station is shown at the field it names.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { T } from '../../common/deskText.js';
import { checkCharacter } from '../../common/idNumber.js';
import { EntryScreen } from '../../renderer/src/screens/entry/EntryScreen.js';
import { FakeBridge, overviewFixture, personFixture } from './fakeBridge.js';
import { renderStation } from './renderStation.js';

const VALID = `11010519900307001${checkCharacter('11010519900307001')}`;
const WRONG_CHECK = `11010519900307001${checkCharacter('11010519900307001') === '0' ? '1' : '0'}`;
/** Born 2010-05-20: a minor on 2026-03-02. Sequence digit 2 is even: female. */
const MINOR_FEMALE = `32010220100520002${checkCharacter('32010220100520002')}`;

afterEach(cleanup);

const type = (label: string, value: string): void => {
  fireEvent.change(screen.getByLabelText(label, { exact: true }), { target: { value } });
};

/** Picks a radio choice of a group (人员类别, 到案方式, 性别) by its words. */
const choose = (group: string, label: string): void => {
  fireEvent.click(within(screen.getByRole('group', { name: group })).getByRole('radio', { name: label }));
};

async function openForm(bridge = new FakeBridge()): Promise<FakeBridge> {
  renderStation(<EntryScreen />, bridge);
  await waitFor(() => expect(screen.getAllByRole('option', { name: '王建国（E001）' }).length).toBeGreaterThan(0));
  return bridge;
}

function fillValidPerson(): void {
  type(T.entry.name, '欧阳建华');
  type(T.entry.idNumber, VALID);
  choose(T.entry.role, '违法犯罪嫌疑人');
  choose(T.entry.basis, '传唤（刑事）');
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
    // Derived, so shown but not asked: no Tab stop.
    const gender = screen.getByLabelText(T.entry.gender, { exact: true }) as HTMLInputElement;
    expect(gender.value).toBe('男');
    expect(gender.readOnly && gender.tabIndex).toBe(-1);
    const birth = screen.getByLabelText(T.entry.birthDate, { exact: true }) as HTMLInputElement;
    expect(birth.value).toBe('1990-03-07');
    expect(birth.tabIndex).toBe(-1);
  });

  it('says what is wrong with a number the station would refuse', async () => {
    await openForm();
    type(T.entry.idNumber, WRONG_CHECK);
    expect(within(fieldOf('person.idNumber')).getByText('校验码错误（GB 11643）')).toBeTruthy();
    type(T.entry.idNumber, '110105199002300011');
    expect(within(fieldOf('person.idNumber')).getByText('第 7–14 位不是有效的出生日期')).toBeTruthy();
    type(T.entry.idNumber, '11010519900307001A');
    expect(within(fieldOf('person.idNumber')).getByText('应为 17 位数字加 1 位校验码（数字或 X）')).toBeTruthy();
    // Without a valid number, gender and birth date are given by hand.
    expect(screen.getByRole('group', { name: T.entry.gender })).toBeTruthy();
    expect((screen.getByLabelText(T.entry.birthDate, { exact: true }) as HTMLInputElement).tabIndex).toBe(0);
  });

  it('marks a minor and a female from the number', async () => {
    await openForm();
    type(T.entry.idNumber, MINOR_FEMALE);
    expect(within(fieldOf('person.idNumber')).getByText(new RegExp(T.entry.idMinor))).toBeTruthy();
    expect((screen.getByLabelText(T.entry.gender, { exact: true }) as HTMLInputElement).value).toBe('女');
  });

  it('shows the legal limit of the chosen basis', async () => {
    await openForm();
    choose(T.entry.basis, '传唤（治安）/询问查证');
    expect(within(fieldOf('person.basis')).getByText(/法定时限 8 小时.*最长可延长至 24 小时/)).toBeTruthy();
    choose(T.entry.basis, '刑事拘留（待送押）');
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

  it('says everything that is missing at once, each at its field, with the keyboard on the first', async () => {
    const bridge = await openForm();
    type(T.entry.idType, 'passport');
    type(T.entry.birthDate, '1995/8/32');
    fireEvent.submit(screen.getByRole('button', { name: T.entry.register }).closest('form') as HTMLFormElement);
    expect(await within(fieldOf('person.name')).findByText(T.entry.needName)).toBeTruthy();
    expect(within(fieldOf('person.gender')).getByText(T.entry.needGender)).toBeTruthy();
    expect(within(fieldOf('person.birthDate')).getByText(T.dates.badDate)).toBeTruthy();
    expect(within(fieldOf('person.role')).getByText(T.entry.needRole)).toBeTruthy();
    expect(within(fieldOf('person.officers')).getByText(T.entry.twoOfficers)).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(T.entry.name, { exact: true })));
    expect(bridge.commands()).toHaveLength(0);
    // No browser validation at all: the form says it itself.
    expect((screen.getByRole('button', { name: T.entry.register }).closest('form') as HTMLFormElement).noValidate).toBe(true);
    expect(document.querySelectorAll('[required], input[type=date], input[type=time], input[type=datetime-local]')).toHaveLength(0);
  });

  it('takes a birth date typed loosely as YYYY-MM-DD', async () => {
    const bridge = await openForm();
    type(T.entry.name, '李娜');
    type(T.entry.idType, 'passport');
    type(T.entry.idNumber, 'E12345678');
    choose(T.entry.gender, '女');
    type(T.entry.birthDate, '19950815');
    choose(T.entry.role, '证人');
    type(T.entry.officer1, 'E001');
    type(T.entry.officer2, 'E002');
    fireEvent.click(screen.getByRole('button', { name: T.entry.register }));
    await waitFor(() => expect(bridge.commands()).toHaveLength(1));
    expect(bridge.commands()[0]).toMatchObject({ person: { birthDate: '1995-08-15', gender: 'female', details: { documentNumber: 'E12345678' } } });
  });
});

describe('entry form: who is already here', () => {
  it('names the person with the same ID number who is still in the area', async () => {
    const bridge = new FakeBridge({
      search: ({ text }) => (text === VALID ? [{ person: personFixture({ id: 'P20260302-001', name: '欧阳建华' }), idNumber: VALID, matched: 'idNumber' as const }] : []),
    });
    await openForm(bridge);
    type(T.entry.idNumber, VALID);
    const warning = await within(fieldOf('person.idNumber')).findByText(T.entry.sameIdInArea('欧阳建华', 'P20260302-001'), { exact: false });
    expect(warning.closest('[data-same-id]')?.querySelector('a')?.getAttribute('href')).toBe('#/person/P20260302-001');
  });

  it('says when the desk has no wristband reader instead of offering to read one', async () => {
    await openForm(new FakeBridge({ overview: () => overviewFixture({ deskReader: false }) }));
    expect(await within(fieldOf('person.tag')).findByText(T.entry.noDeskReader)).toBeTruthy();
    expect(screen.queryByRole('button', { name: T.entry.readTag })).toBeNull();
  });
});
