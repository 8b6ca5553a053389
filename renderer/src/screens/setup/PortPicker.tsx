// The serial ports of this computer to choose a reader's from: the fixed by-id names first, each
// with what the USB adapter says it is.
import { useCallback, useEffect, useState } from 'react';
import type { SerialPortView } from '../../../../common/areaSetup.js';
import { SETUP_TEXT } from '../../../../common/setupText.js';
import { errorMessage } from '../../station/errors.js';
import { useSetup } from './setupContext.js';

const R = SETUP_TEXT.readers;

function describe(p: SerialPortView): string {
  const usb = p.vendorId && p.productId ? `USB ${p.vendorId}:${p.productId}` : '';
  return [p.manufacturer, p.product, usb, p.serialNumber ? `#${p.serialNumber}` : ''].filter(Boolean).join(' · ');
}

export function PortPicker({ onPick, label }: { readonly onPick: (path: string) => void; readonly label: string }) {
  const { bridge } = useSetup();
  const [ports, setPorts] = useState<readonly SerialPortView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async (): Promise<void> => {
    try {
      setPorts(await bridge.invoke('serialPorts', {}));
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [bridge]);
  useEffect(() => { void load(); }, [load]);
  return (
    <div className="port-picker" aria-label={`${label} ${R.ports}`} role="group">
      <div className="port-picker-head">
        <span className="muted">{R.ports}</span>
        <button type="button" className="small" onClick={() => void load()}>{R.refreshPorts}</button>
      </div>
      {error && <p className="form-error" role="alert">{error}</p>}
      {ports !== null && ports.length === 0 && <p className="muted">{R.noPorts}</p>}
      {ports !== null && ports.length > 0 && (
        <ul className="port-list">
          {ports.map((p) => (
            <li key={p.path}>
              <span className="mono wrap">{p.path}</span>
              {p.path !== p.device && <span className="muted mono"> → {p.device}</span>}
              <span className={p.stable ? 'ok-text' : 'muted'}> {p.stable ? R.portStable : R.portUnstable}</span>
              {describe(p) && <div className="muted">{describe(p)}</div>}
              <button type="button" className="small" aria-label={`${R.usePort} ${p.path}`} onClick={() => onPick(p.path)}>{R.usePort}</button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
