// @vitest-environment jsdom
// The desk's own date and time fields: typed loosely and tidied to YYYY-MM-DD / HH:mm when left,
// or picked — the month from the keyboard (Alt+↓, arrows, Page Down, Enter) or the mouse.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { T } from '../../common/deskText.js';
import { DateInput } from '../../renderer/src/widgets/dates/DateInput.js';
import { TimeInput } from '../../renderer/src/widgets/dates/TimeInput.js';

afterEach(cleanup);

function DateField({ start = '', max }: { readonly start?: string; readonly max?: string }) {
  const [value, setValue] = useState(start);
  return (
    <>
      <label htmlFor="d">出生日期</label>
      <DateInput control={{ id: 'd' }} value={value} onChange={setValue} label="出生日期" today="2026-03-02" max={max} />
      <output data-testid="value">{value}</output>
    </>
  );
}

function TimeField() {
  const [value, setValue] = useState('');
  return (
    <>
      <label htmlFor="t">时刻</label>
      <TimeInput control={{ id: 't' }} value={value} onChange={setValue} label="时刻" />
      <output data-testid="value">{value}</output>
    </>
  );
}

const value = (): string => screen.getByTestId('value').textContent ?? '';

describe('the date field', () => {
  it('is a text field, never the browser\'s date input, and tidies a loosely typed date when left', () => {
    render(<DateField />);
    const input = screen.getByLabelText('出生日期') as HTMLInputElement;
    expect(input.type).toBe('text');
    expect(input.placeholder).toBe('YYYY-MM-DD');
    fireEvent.change(input, { target: { value: '1995年8月15日' } });
    fireEvent.blur(input);
    expect(value()).toBe('1995-08-15');
  });

  it('leaves what is not a date as typed (the form says so)', () => {
    render(<DateField />);
    const input = screen.getByLabelText('出生日期');
    fireEvent.change(input, { target: { value: '08/15/1995' } });
    fireEvent.blur(input);
    expect(value()).toBe('08/15/1995');
  });

  it('opens the month with Alt+↓ on the day typed, walks it from the keyboard, and picks the day', async () => {
    render(<DateField start="1995-08-15" />);
    const input = screen.getByLabelText('出生日期');
    input.focus();
    fireEvent.keyDown(input, { key: 'ArrowDown', altKey: true });
    const dialog = await screen.findByRole('dialog', { name: T.dates.pickDate('出生日期') });
    expect(within(dialog).getByText(T.dates.month(1995, 8))).toBeTruthy();
    await waitFor(() => expect((document.activeElement as HTMLElement).dataset.date).toBe('1995-08-15'));
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'ArrowRight' });
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'ArrowDown' });
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'PageDown' });
    await waitFor(() => expect((document.activeElement as HTMLElement).dataset.date).toBe('1995-09-23'));
    fireEvent.click(document.activeElement as HTMLElement);
    expect(value()).toBe('1995-09-23');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(input);
  });

  it('does not pick a day after the latest allowed', async () => {
    render(<DateField max="2026-03-02" />);
    fireEvent.click(screen.getByRole('button', { name: T.dates.pickDate('出生日期') }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: '2026-03-03' }));
    expect(value()).toBe('');
    fireEvent.click(within(dialog).getByRole('button', { name: '2026-03-02' }));
    expect(value()).toBe('2026-03-02');
  });
});

describe('the time field', () => {
  it('tidies 24-hour times typed loosely, and picks from half hours', async () => {
    render(<TimeField />);
    const input = screen.getByLabelText('时刻') as HTMLInputElement;
    expect(input.type).toBe('text');
    fireEvent.change(input, { target: { value: '1530' } });
    fireEvent.blur(input);
    expect(value()).toBe('15:30');
    fireEvent.click(screen.getByRole('button', { name: T.dates.pickTime('时刻') }));
    const list = await screen.findByRole('listbox');
    fireEvent.click(within(list).getByRole('option', { name: '22:00' }));
    expect(value()).toBe('22:00');
  });
});
