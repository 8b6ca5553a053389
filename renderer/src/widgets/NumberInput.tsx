// A number typed into a text field. What the person types stays on the screen — a stray letter
// too, for the check to name it at the field — instead of the field showing "NaN" or dropping the
// keystroke; the form gets the number it reads as (NaN when it is none, null when the field is
// empty). A value the form changes by itself (a file imported, a draft reset) replaces the text.
import { useState, type InputHTMLAttributes } from 'react';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & {
  readonly value: number | null | undefined;
  readonly onValue: (n: number | null) => void;
};

const read = (text: string): number | null => (text.trim() === '' ? null : Number(text));
const same = (a: number | null | undefined, b: number | null | undefined): boolean => Object.is(a ?? null, b ?? null);
const shown = (n: number | null | undefined): string => (n === null || n === undefined || Number.isNaN(n) ? '' : String(n));

export function NumberInput({ value, onValue, ...input }: Props) {
  const [text, setText] = useState(() => shown(value));
  // The form's value moved away from what the text reads as: the form changed it, not the keyboard.
  if (!same(read(text), value) && shown(value) !== text) setText(shown(value));
  return (
    <input {...input} type="text" value={text}
      onChange={(e) => {
        setText(e.target.value);
        onValue(read(e.target.value));
      }} />
  );
}
