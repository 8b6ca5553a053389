// The wristband: typed, or read from the desk's enrolment reader through the station.
import { useState } from 'react';
import { T } from '../../../../common/deskText.js';
import { useStation } from '../../station/context.js';
import { errorMessage } from '../../station/errors.js';
import { Field } from '../../widgets/Field.js';

interface Props {
  readonly value: string;
  readonly onChange: (tag: string) => void;
  readonly error: string | undefined;
}

export function TagField({ value, onChange, error }: Props) {
  const { bridge, session } = useStation();
  const [reading, setReading] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const mayRead = session.roles.includes('desk') || session.roles.includes('admin');

  const read = async (): Promise<void> => {
    setReading(true);
    setNote(null);
    try {
      const seen = await bridge.invoke('deskTag', {});
      if (seen) {
        onChange(seen.tag);
        setNote(T.entry.tagRead(seen.tag));
      } else setNote(T.entry.noDeskTag);
    } catch (err) {
      setNote(errorMessage(err));
    } finally {
      setReading(false);
    }
  };

  return (
    <Field label={T.entry.tag} name="person.tag" error={error} hint={note ?? undefined}>
      {(c) => (
        <div className="input-with-button">
          <input {...c} className="mono" value={value} autoComplete="off" onChange={(e) => onChange(e.target.value.trim())} />
          {mayRead && <button type="button" onClick={() => void read()} disabled={reading}>{reading ? T.entry.readingTag : T.entry.readTag}</button>}
        </div>
      )}
    </Field>
  );
}
