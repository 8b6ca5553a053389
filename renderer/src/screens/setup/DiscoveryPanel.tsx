// 设备发现: the ONVIF cameras that answer a WS-Discovery probe on the LAN, to choose one by its name
// and model instead of typing its address. The name is what the camera calls itself (its name scope,
// often make and model together); the make proper comes from the ONVIF probe.
import { useState } from 'react';
import type { FoundCamera } from '../../../../common/areaSetup.js';
import { SETUP_TEXT } from '../../../../common/setupText.js';
import { useSetup } from './setupContext.js';
import { useTask } from './useTask.js';

const C = SETUP_TEXT.cameras;

export function DiscoveryPanel({ onChoose }: { readonly onChoose: (c: FoundCamera) => void }) {
  const { bridge } = useSetup();
  const [found, setFound] = useState<readonly FoundCamera[] | null>(null);
  const { busy, error, run } = useTask<'search'>();
  const search = async (): Promise<void> => {
    const answer = await run('search', () => bridge.invoke('discoverCameras', {}));
    if (answer) setFound(answer);
  };
  return (
    <div className="discovery">
      <button type="button" disabled={busy !== null} onClick={() => void search()}>{busy ? C.discovering : C.discover}</button>
      {error && <p className="form-error" role="alert">{error}</p>}
      {found !== null && <p role="status" className="muted">{found.length === 0 ? C.noneFound : C.found(found.length)}</p>}
      {found !== null && found.length > 0 && (
        <table className="data found-cameras">
          <thead><tr><th>{C.deviceName}</th><th>{C.model}</th><th>{C.address}</th><th /></tr></thead>
          <tbody>
            {found.map((c) => (
              <tr key={c.urn} data-urn={c.urn}>
                <td>{c.name ?? '—'}</td>
                <td>{c.hardware ?? '—'}</td>
                <td className="mono wrap">{c.onvif ?? c.address}</td>
                <td><button type="button" className="small" disabled={!c.onvif} aria-label={`${C.choose} ${c.name ?? c.address}`} onClick={() => onChoose(c)}>{C.choose}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
