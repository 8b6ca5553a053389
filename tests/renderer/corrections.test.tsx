// @vitest-environment jsdom
// 更正 from the person page: the fields ticked, each with the entry form's widget and checks, a
// reason and the approving officer; every problem at once with the keyboard on the first; the
// station's refusal at the field it names. The timeline says old → new, and the printed form and
// the ledger mark what was corrected (已更正).
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { T } from '../../common/deskText.js';
import type { RecordedEvent } from '../../common/events.js';
import { checkCharacter } from '../../common/idNumber.js';
import type { LedgerRow, UsageForm } from '../../common/views.js';
import { LedgerScreen } from '../../renderer/src/screens/exports/LedgerScreen.js';
import { UsageFormScreen } from '../../renderer/src/screens/form/UsageFormScreen.js';
import { PersonScreen } from '../../renderer/src/screens/person/PersonScreen.js';
import { detailFixture, FakeBridge, NOW, SUPERVISOR } from './fakeBridge.js';
import { renderStation } from './renderStation.js';

afterEach(cleanup);

const VALID = `11010519900307001${checkCharacter('11010519900307001')}`;

const fieldOf = (name: string): HTMLElement => {
  const el = document.querySelector<HTMLElement>(`[data-field="${name}"]`);
  if (!el) throw new Error(`no field ${name}`);
  return el;
};
const errorOf = (field: string): string | null => document.querySelector(`[data-error-for="${field}"]`)?.textContent ?? null;
const tick = (label: string): void => { fireEvent.click(within(screen.getByRole('group', { name: T.correct.fields })).getByRole('checkbox', { name: label })); };
const type = (label: string, value: string): void => { fireEvent.change(screen.getByLabelText(label, { exact: true }), { target: { value } }); };
const save = (): void => { fireEvent.click(screen.getByRole('button', { name: T.correct.submit })); };

async function openCorrection(bridge: FakeBridge): Promise<void> {
  renderStation(<PersonScreen id="P1" />, bridge);
  fireEvent.click(await screen.findByRole('button', { name: T.correct.open }));
  await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('checkbox', { name: '姓名' })));
}

function personBridge(status: 'in' | 'exited' = 'in'): FakeBridge {
  return new FakeBridge({
    person: () => detailFixture({ idNumber: VALID }, { status, role: 'witness', basis: null, limitHours: null, tag: 'T1', ...(status === 'exited' ? { exitedAt: NOW - 60_000, destination: 'released' } : {}) }),
    timeline: () => [],
  });
}

describe('更正 on the person page', () => {
  it('says every problem at once, at its field, with the keyboard on the first', async () => {
    const bridge = personBridge();
    await openCorrection(bridge);
    save();
    await waitFor(() => expect(errorOf('fields')).toBe(T.correct.needField));
    expect(errorOf('reason')).toBe(T.correct.needReason);
    expect(errorOf('approvedBy')).toBe(T.correct.needApprover);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('checkbox', { name: '姓名' })));

    // Ticked, a field is asked with its entry widget and checks; the same value is no correction.
    tick('姓名');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(T.correct.newValue('姓名'), { exact: true })));
    expect(within(fieldOf('fields.name')).getByText(T.correct.current('张三'))).toBeTruthy();
    tick('身份证号');
    type(T.correct.newValue('身份证号'), `${VALID.slice(0, 17)}${VALID[17] === '0' ? '1' : '0'}`);
    tick('人员类别');
    fireEvent.click(within(screen.getByRole('group', { name: T.correct.newValue('人员类别') })).getByRole('radio', { name: '违法犯罪嫌疑人' }));
    save();
    await waitFor(() => expect(errorOf('fields.name')).toBe(T.correct.unchanged('姓名')));
    expect(errorOf('fields.idNumber')).toBe('校验码错误（GB 11643）');
    expect(errorOf('fields.role')).toBe(T.correct.basisWithRole);
    expect(errorOf('fields')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(T.correct.newValue('姓名'), { exact: true })));
    expect(bridge.commands()).toEqual([]);
  });

  it('sends the ticked fields with their new values, the reason and the approver', async () => {
    const bridge = personBridge();
    await openCorrection(bridge);
    tick('姓名');
    type(T.correct.newValue('姓名'), ' 张山 ');
    tick('出生日期');
    type(T.correct.newValue('出生日期'), '19900308');
    tick('人员类别');
    fireEvent.click(within(screen.getByRole('group', { name: T.correct.newValue('人员类别') })).getByRole('radio', { name: '违法犯罪嫌疑人' }));
    tick('到案方式');
    fireEvent.click(within(screen.getByRole('group', { name: T.entry.basis })).getByRole('radio', { name: '传唤（刑事）' }));
    type(T.correct.reason, '姓名录入错字');
    type(T.correct.approver, 'E001');
    save();
    await waitFor(() => expect(bridge.commands()).toHaveLength(1));
    expect(bridge.commands()[0]).toEqual({
      type: 'person.correct', personId: 'P1', reason: '姓名录入错字', approvedBy: 'E001',
      fields: { name: '张山', birthDate: '1990-03-08', role: 'suspect', basis: 'criminal_summons' },
    });
    expect((await screen.findByRole('status')).textContent).toBe(T.correct.done('姓名：张三 → 张山；出生日期：1990-03-07 → 1990-03-08；人员类别：证人 → 违法犯罪嫌疑人；到案方式：（无） → 传唤（刑事）'));
  });

  it('shows the station\'s refusal at the field it names', async () => {
    const bridge = personBridge();
    bridge.on('submit', () => ({ ok: false, at: 0, rejection: { code: 'DUPLICATE_TAG', message: '腕带 T9 已绑定他人', field: 'fields.tag' } }));
    await openCorrection(bridge);
    tick('腕带');
    type(T.correct.newValue('腕带'), 'T9');
    type(T.correct.reason, '腕带故障更换');
    type(T.correct.approver, 'E002');
    save();
    expect(await within(fieldOf('fields.tag')).findByText('腕带 T9 已绑定他人')).toBeTruthy();
    expect(screen.getAllByText('腕带 T9 已绑定他人')).toHaveLength(1);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(T.correct.newValue('腕带'), { exact: true })));
  });

  it('is offered after the exit too, without the wristband; never to a read-only account', async () => {
    await openCorrection(personBridge('exited'));
    expect(screen.queryByRole('checkbox', { name: '腕带' })).toBeNull();
    expect(screen.getByRole('checkbox', { name: '到案方式' })).toBeTruthy();
    expect(screen.getByText(T.correct.noTagAfterExit)).toBeTruthy();
    cleanup();
    renderStation(<PersonScreen id="P1" />, personBridge(), NOW, SUPERVISOR);
    await screen.findByText(T.common.readOnly);
    expect(screen.queryByRole('button', { name: T.correct.open })).toBeNull();
  });
});

describe('corrected values elsewhere', () => {
  const correction: RecordedEvent = {
    seq: 12, at: NOW - 60_000, actor: 'E002', type: 'person.correct',
    payload: { personId: 'P1', fields: { name: '张山', gender: 'female' }, reason: '姓名错字', approvedBy: 'E001', previous: { name: '张三', gender: 'male' }, minor: false, limitHours: 12 },
  };

  it('the timeline says each field\'s old and new value, why and who approved it', async () => {
    renderStation(<PersonScreen id="P1" />, new FakeBridge({ person: () => detailFixture(), timeline: () => [correction] }));
    const line = await screen.findByText(T.timeline.corrected('姓名：张三 → 张山；性别：男 → 女', '姓名错字', '王建国'));
    expect(line.closest('li')?.textContent).toContain(T.timeline.by('李秀英'));
  });

  it('the printed form marks the corrected values and lists the corrections', async () => {
    const person = detailFixture({
      corrected: ['name', 'gender'],
      corrections: [{ seq: 12, at: NOW - 60_000, changes: [{ field: 'name', from: '张三', to: '张山' }, { field: 'gender', from: 'male', to: 'female' }], reason: '姓名错字', approvedBy: 'E001', actor: 'E100' }],
    }, { name: '张山', gender: 'female' });
    const form: UsageForm = { person, area: { id: 'A1', name: '测试办案区' }, rooms: {}, officers: { E001: '王建国' }, headHash: 'ab'.repeat(32), printedAt: NOW, timeZone: 'Asia/Shanghai' };
    renderStation(<UsageFormScreen id="P1" />, new FakeBridge({ form: () => form }));
    const name = await screen.findByText('张山', { selector: '[data-form="name"]', exact: false });
    expect(name.querySelector('[data-corrected="name"]')?.textContent).toBe(T.correct.mark);
    expect([...document.querySelectorAll('.usage-form [data-corrected]')].map((e) => e.getAttribute('data-corrected'))).toEqual(['name', 'gender']);
    expect(document.querySelector('[data-form="corrections"]')?.textContent)
      .toBe(T.correct.line('2026-03-02 09:59', '姓名：张三 → 张山；性别：男 → 女', '姓名错字', '王建国'));
  });

  it('the ledger marks the corrected cells and names the fields in its 已更正 column', async () => {
    const row: LedgerRow = {
      no: 1, personId: 'P1', name: '张山', gender: 'male', birthDate: '1990-03-07', idNumber: VALID, role: 'suspect', caseNo: 'B-2', basis: 'criminal_summons',
      officers: ['E001'], enteredAt: NOW - 3_600_000, exitedAt: null, destination: null, alarms: 0, corrected: ['name', 'caseNo'],
    };
    const plain: LedgerRow = { ...row, no: 2, personId: 'P2', name: '李四', corrected: [] };
    renderStation(<LedgerScreen from="2026-03-02" to="2026-03-02" />, new FakeBridge({ ledger: () => [row, plain] }));
    const line = (await screen.findByText('张山')).closest('tr') as HTMLElement;
    expect([...line.querySelectorAll('[data-corrected]')].map((e) => e.getAttribute('data-corrected'))).toEqual(['name', 'caseNo']);
    expect(line.querySelector('[data-ledger="corrected"]')?.textContent).toBe('姓名、案件编号');
    const other = screen.getByText('李四').closest('tr') as HTMLElement;
    expect(other.querySelectorAll('[data-corrected]')).toHaveLength(0);
  });
});
