// The desk's 身份证阅读器 (SAM protocol, 华视/神思/精伦 and others): connected, changed or
// disconnected here like the enrolment reader. Saved, the station replaces the running reader with
// this connection, and 入区登记 fills itself from the card placed on it.
import { NumberInput } from '../../widgets/NumberInput.js';
import { useState } from 'react';
import type { IdCardConnection } from '../../../../common/areaSetup.js';
import { ID_CARD_DEFAULTS } from '../../../../common/readerLink.js';
import { SETUP_TEXT } from '../../../../common/setupText.js';
import { Field } from '../../widgets/Field.js';
import { FieldGroup } from '../../widgets/FieldGroup.js';
import { IdCardTestPanel } from './IdCardTestPanel.js';
import { PortPicker } from './PortPicker.js';
import { problemAt, problemOf, useSetup } from './setupContext.js';

const R = SETUP_TEXT.readers;
const IT = SETUP_TEXT.idCardTest;
const PATH = 'idCardReader';
type Timing = 'baud' | 'pollMs' | 'watchdogMs';

export function idCardSummary(c: IdCardConnection | null): string {
  return c ? `${c.transport} · SAM${c.baud ? ` · ${c.baud}` : ''}` : R.idCardNone;
}

export function IdCardReaderGroup({ connection, onChange }: {
  readonly connection: IdCardConnection | null; readonly onChange: (c: IdCardConnection | null) => void;
}) {
  const { problems } = useSetup();
  const [open, setOpen] = useState(false);
  const [testing, setTesting] = useState(false);
  const problem = problemAt(problems, PATH);
  // A refusal opens the form: the field it names must be on the page for the keyboard to go to it.
  const shown = connection !== null && (open || problem !== undefined);
  const number = (key: Timing, label: string, hint: string) => connection && (
    <Field label={label} name={`${PATH}.${key}`} hint={hint} error={problemOf(problems, `${PATH}.${key}`)}>
      {(c) => (
        <NumberInput {...c} inputMode="numeric" value={connection[key]}
          onValue={(n) => {
            const { [key]: _old, ...rest } = connection;
            onChange(n === null ? rest : { ...rest, [key]: n });
          }} />
      )}
    </Field>
  );
  return (
    <FieldGroup legend={R.idCard} name={PATH} hint={R.idCardHint} error={problemOf(problems, PATH)} wide>
      <p><span className={connection ? 'mono' : 'muted'} data-idcard-summary>{idCardSummary(connection)}</span></p>
      {shown && connection && (
        <div className="connection-form">
          <div className="form-grid">
            <Field label={R.transport} name={`${PATH}.transport`} required hint={R.transportHint} error={problemOf(problems, `${PATH}.transport`)} wide>
              {(c) => <input {...c} className="mono" value={connection.transport} onChange={(e) => onChange({ ...connection, transport: e.target.value })} />}
            </Field>
            {number('baud', R.baud, R.baudDefault(ID_CARD_DEFAULTS.baud))}
            {number('pollMs', R.pollMs, R.pollHint(ID_CARD_DEFAULTS.pollMs))}
            {number('watchdogMs', R.watchdogMs, R.watchdogHint(ID_CARD_DEFAULTS.watchdogMs))}
          </div>
          <PortPicker label={R.idCard} onPick={(path) => onChange({ ...connection, transport: path })} />
          <div className="actions">
            <button type="button" aria-pressed={testing} disabled={!connection.transport.trim()} onClick={() => setTesting((t) => !t)}>{testing ? IT.stop : IT.start}</button>
          </div>
          {testing && <IdCardTestPanel connection={connection} />}
        </div>
      )}
      <div className="actions">
        {connection === null
          ? <button type="button" className="small" onClick={() => { onChange({ transport: '' }); setOpen(true); }}>{R.connect}</button>
          : <button type="button" className="small" aria-expanded={shown} onClick={() => setOpen(!shown)}>{shown ? R.fold : R.edit}</button>}
        {connection && <button type="button" className="small" onClick={() => { onChange(null); setOpen(false); setTesting(false); }}>{R.disconnect}</button>}
      </div>
    </FieldGroup>
  );
}
