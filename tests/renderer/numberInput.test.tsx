// @vitest-environment jsdom
// A number field of the set-up pages keeps what was typed — a letter too, which the check then
// names at the field — rather than showing "NaN"; the form gets NaN for it, null for an empty
// field, and a value the form sets by itself (an imported file) replaces the text.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { NumberInput } from '../../renderer/src/widgets/NumberInput.js';

afterEach(cleanup);

function Form({ start }: { readonly start: number | null }) {
  const [value, setValue] = useState<number | null>(start);
  return (
    <>
      <NumberInput aria-label="波特率" value={value} onValue={setValue} />
      <output aria-label="表单值">{value === null ? '空' : String(value)}</output>
      <button type="button" onClick={() => setValue(115200)}>导入</button>
    </>
  );
}

const field = (): HTMLInputElement => screen.getByLabelText('波特率');
const formValue = (): string => screen.getByLabelText('表单值').textContent ?? '';

describe('a number field', () => {
  it('keeps a stray letter on the screen, and the form gets NaN for it', () => {
    render(<Form start={9600} />);
    expect(field().value).toBe('9600');
    fireEvent.change(field(), { target: { value: '9600a' } });
    expect(field().value).toBe('9600a');
    expect(formValue()).toBe('NaN');
    fireEvent.change(field(), { target: { value: '19200' } });
    expect(formValue()).toBe('19200');
  });

  it('gives the form null for an empty field, and shows what the form sets by itself', () => {
    render(<Form start={null} />);
    expect(field().value).toBe('');
    fireEvent.change(field(), { target: { value: 'x' } });
    expect(field().value).toBe('x');
    fireEvent.change(field(), { target: { value: '' } });
    expect(formValue()).toBe('空');
    fireEvent.click(screen.getByRole('button', { name: '导入' }));
    expect(field().value).toBe('115200');
  });
});
