// How the station reaches one reader: a serial port (picked from this computer's ports, or typed)
// or tcp://host:port of a serial server, the protocol and the baud rate; and the read test.
import { NumberInput } from '../../widgets/NumberInput.js';
import { useState } from 'react';
import type { ReaderConnection } from '../../../../common/areaSetup.js';
import { PROTOCOL_LABELS, SETUP_TEXT } from '../../../../common/setupText.js';
import { READER_PROTOCOLS, type ReaderProtocol } from '../../../../common/vocab.js';
import { Field } from '../../widgets/Field.js';
import { PortPicker } from './PortPicker.js';
import { ReadTestPanel } from './ReadTestPanel.js';
import { problemOf, useSetup } from './setupContext.js';

const R = SETUP_TEXT.readers;
const RT = SETUP_TEXT.readTest;

interface Props {
  readonly connection: ReaderConnection;
  readonly onChange: (c: ReaderConnection) => void;
  /** The draft field of this connection (readers.2.connection, deskReader). */
  readonly path: string;
  readonly label: string;
  readonly onUseTag?: (tag: string) => void;
}

export function ReaderConnectionForm({ connection, onChange, path, label, onUseTag }: Props) {
  const { problems } = useSetup();
  const [testing, setTesting] = useState(false);
  const set = (patch: Partial<ReaderConnection>): void => onChange({ ...connection, ...patch });
  return (
    <div className="connection-form">
      <div className="form-grid">
        <Field label={R.transport} name={`${path}.transport`} required hint={R.transportHint} error={problemOf(problems, `${path}.transport`)} wide>
          {(c) => <input {...c} className="mono" value={connection.transport} onChange={(e) => set({ transport: e.target.value })} />}
        </Field>
        <Field label={R.protocol} name={`${path}.protocol`} required>
          {(c) => (
            <select {...c} value={connection.protocol} onChange={(e) => set({ protocol: e.target.value as ReaderProtocol })}>
              {READER_PROTOCOLS.map((p) => <option key={p} value={p}>{PROTOCOL_LABELS[p]}</option>)}
            </select>
          )}
        </Field>
        <Field label={R.baud} name={`${path}.baud`} hint={R.baudHint} error={problemOf(problems, `${path}.baud`)}>
          {(c) => (
            <NumberInput {...c} inputMode="numeric" value={connection.baud}
              onValue={(n) => {
                const { baud: _old, ...rest } = connection;
                onChange(n === null ? rest : { ...rest, baud: n });
              }} />
          )}
        </Field>
      </div>
      <PortPicker label={label} onPick={(path) => set({ transport: path })} />
      <div className="actions">
        <button type="button" aria-pressed={testing} disabled={!connection.transport.trim()} onClick={() => setTesting((t) => !t)}>{testing ? RT.stop : RT.start}</button>
      </div>
      {testing && <ReadTestPanel connection={connection} label={label} onUseTag={onUseTag} />}
    </div>
  );
}
