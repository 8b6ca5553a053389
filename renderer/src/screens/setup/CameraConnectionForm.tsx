// How the station reaches one camera: found on the LAN or typed, probed over ONVIF with its
// account (make, model, clock, the streams it offers), then tried: a picture and a 10-second
// recording that must hold video and audio before the camera can be saved. The password is never
// shown: "已设置" stands for a kept one, which a typed one replaces.
import { useState } from 'react';
import type { CameraConnection, CameraProbeView, CameraTestView } from '../../../../common/areaSetup.js';
import { SETUP_TEXT } from '../../../../common/setupText.js';
import { Field, FormError } from '../../widgets/Field.js';
import { CameraTestPanel } from './CameraTestPanel.js';
import { DiscoveryPanel } from './DiscoveryPanel.js';
import { cameraStream } from './draftChecks.js';
import { problemOf, useSetup } from './setupContext.js';
import { useTask } from './useTask.js';

const C = SETUP_TEXT.cameras;
/** A camera whose clock is off by more than this stamps a time on its picture that the record contradicts. */
const CLOCK_ADVICE_MS = 60_000;

interface Props {
  readonly cameraId: string;
  readonly connection: CameraConnection;
  readonly onChange: (c: CameraConnection) => void;
  readonly path: string;
  readonly label: string;
}

/** What to send for the camera's credentials: a typed password, or the camera's id so that the station uses the kept one. */
function credentials(cameraId: string, c: CameraConnection): { user: string | null; pass?: string; camera?: string } {
  return { user: c.user, ...(c.pass ? { pass: c.pass } : c.passSet ? { camera: cameraId } : {}) };
}

export function CameraConnectionForm({ cameraId, connection, onChange, path, label }: Props) {
  const { bridge, problems, tested, markTested } = useSetup();
  const [probe, setProbe] = useState<CameraProbeView | null>(null);
  const [test, setTest] = useState<CameraTestView | null>(null);
  const { busy, error, run } = useTask<'probe' | 'test'>();
  const set = (patch: Partial<CameraConnection>): void => onChange({ ...connection, ...patch });
  const passed = tested.has(cameraStream(cameraId, connection));

  const runProbe = async (): Promise<void> => {
    const onvif = connection.onvif;
    if (!onvif) return;
    setProbe(null);
    setProbe(await run('probe', () => bridge.invoke('probeCamera', { onvif, ...credentials(cameraId, connection) })) ?? null);
  };
  const runTest = async (): Promise<void> => {
    setTest(null);
    const r = await run('test', () => bridge.invoke('testCamera', { rtsp: connection.rtsp.trim(), ...credentials(cameraId, connection) }));
    if (!r) return;
    setTest(r);
    if (r.ok) markTested(cameraStream(cameraId, connection));
  };

  return (
    <div className="connection-form camera-connection">
      <DiscoveryPanel onChoose={(c) => { set({ onvif: c.onvif }); setProbe(null); }} />
      <div className="form-grid">
        <Field label={C.onvif} name={`${path}.onvif`} error={problemOf(problems, `${path}.onvif`)} wide>
          {(c) => <input {...c} className="mono" value={connection.onvif ?? ''} placeholder="http://192.168.1.64/onvif/device_service" onChange={(e) => set({ onvif: e.target.value.trim() || null })} />}
        </Field>
        <Field label={C.user} name={`${path}.user`}>
          {(c) => <input {...c} autoComplete="off" value={connection.user ?? ''} onChange={(e) => set({ user: e.target.value || null })} />}
        </Field>
        <Field label={C.pass} name={`${path}.pass`} hint={connection.passSet ? C.passKeep : undefined}>
          {(c) => (
            <input {...c} type="password" autoComplete="new-password" value={connection.pass ?? ''} placeholder={connection.passSet ? C.passSet : ''}
              onChange={(e) => {
                const { pass: _old, ...rest } = connection;
                onChange(e.target.value === '' ? rest : { ...rest, pass: e.target.value });
              }} />
          )}
        </Field>
      </div>
      <div className="actions">
        <button type="button" disabled={!connection.onvif || busy !== null} onClick={() => void runProbe()}>{busy === 'probe' ? C.probing : C.probe}</button>
      </div>
      {probe && (
        <div className="probe-result" aria-label={`${C.probe} ${label}`} role="group">
          <dl className="facts">
            <dt>{C.manufacturer}</dt><dd>{probe.manufacturer ?? '—'}</dd>
            <dt>{C.model}</dt><dd>{probe.model ?? '—'}</dd>
            <dt>{C.clock}</dt><dd>{probe.clockOffsetMs === null ? '—' : C.clockOffset(Math.round(probe.clockOffsetMs / 1000))}</dd>
          </dl>
          {probe.clockOffsetMs !== null && Math.abs(probe.clockOffsetMs) >= CLOCK_ADVICE_MS && <p className="fault-text clock-advice">{C.clockAdvice}</p>}
          <table className="data probe-profiles">
            <thead><tr><th>{C.profiles}</th><th>{C.video}</th><th>{C.audio}</th><th>{C.stream}</th><th /></tr></thead>
            <tbody>
              {probe.profiles.map((p) => (
                <tr key={p.token} data-profile={p.token}>
                  <td>{p.name}</td>
                  <td>{p.video ?? '—'}</td>
                  <td className={p.audio ? '' : 'fault-text'}>{p.audio ?? C.profileNoAudio}</td>
                  <td className="mono wrap">{p.streamUri ?? '—'}</td>
                  <td>
                    <button type="button" className="small" disabled={!p.streamUri} aria-label={`${C.useProfile} ${p.name}`}
                      onClick={() => { if (p.streamUri) set({ rtsp: p.streamUri, profile: p.token }); }}>{C.useProfile}</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {probe.warnings.length > 0 && <ul className="muted">{probe.warnings.map((w) => <li key={w}>{w}</li>)}</ul>}
        </div>
      )}
      <Field label={C.stream} name={`${path}.rtsp`} required error={problemOf(problems, `${path}.rtsp`)} wide>
        {(c) => <input {...c} className="mono" value={connection.rtsp} placeholder="rtsp://192.168.1.64:554/Streaming/Channels/101" onChange={(e) => set({ rtsp: e.target.value })} />}
      </Field>
      <div className="actions" data-field={`${path}.test`}>
        <button type="button" className={passed ? '' : 'primary'} disabled={!/^rtsps?:\/\/\S+/.test(connection.rtsp.trim()) || busy !== null}
          aria-invalid={problemOf(problems, `${path}.test`) ? true : undefined} onClick={() => void runTest()}>
          {busy === 'test' ? C.testing : C.test}
        </button>
        {passed && <span className="ok-text">{C.tested}</span>}
        {problemOf(problems, `${path}.test`) && <p className="field-error" role="alert" data-error-for={`${path}.test`}>{problemOf(problems, `${path}.test`)}</p>}
      </div>
      <FormError message={error ?? undefined} />
      {test && <CameraTestPanel result={test} label={label} />}
    </div>
  );
}
