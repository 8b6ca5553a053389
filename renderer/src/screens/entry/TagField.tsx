// The wristband: typed, or read from the desk's enrolment reader through the station — unless the
// desk has none (未配置发卡读卡器), which is said instead of offering a button that cannot work.
import { useState } from 'react';
import { ApiCallError } from '../../../../common/api.js';
import { T } from '../../../../common/deskText.js';
import { useStation } from '../../station/context.js';
import { errorMessage } from '../../station/errors.js';
import { Field } from '../../widgets/Field.js';

interface Props {
  readonly value: string;
  readonly onChange: (tag: string) => void;
  readonly error: string | undefined;
  /** The command field it fills (person.tag at entry, fields.tag in a correction). */
  readonly name?: string;
  readonly label?: string;
  readonly autoFocus?: boolean;
}

export function TagField({ value, onChange, error, name = 'person.tag', label = T.entry.tag, autoFocus }: Props) {
  const { bridge, session, overview } = useStation();
  const [reading, setReading] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [noReader, setNoReader] = useState(false);
  const mayRead = session.roles.includes('desk') || session.roles.includes('admin');
  const reader = overview?.deskReader !== false && !noReader;

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
      if (err instanceof ApiCallError && err.code === 'NO_DESK_READER') setNoReader(true);
      else setNote(errorMessage(err));
    } finally {
      setReading(false);
    }
  };

  return (
    <Field label={label} name={name} error={error} hint={reader ? (note ?? undefined) : <span data-no-desk-reader>{T.entry.noDeskReader}</span>}>
      {(c) => (
        <div className="input-with-button">
          <input {...c} className="mono" value={value} autoComplete="off" autoFocus={autoFocus} onChange={(e) => onChange(e.target.value.trim())} />
          {mayRead && reader && <button type="button" onClick={() => void read()} disabled={reading}>{reading ? T.entry.readingTag : T.entry.readTag}</button>}
        </div>
      )}
    </Field>
  );
}
