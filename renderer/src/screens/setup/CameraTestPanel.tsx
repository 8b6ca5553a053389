// The result of 试录像: the picture, and the recording's tracks — or what failed, plainly.
import type { CameraTestView } from '../../../../common/areaSetup.js';
import { SETUP_TEXT } from '../../../../common/setupText.js';

const C = SETUP_TEXT.cameras;

export function CameraTestPanel({ result, label }: { readonly result: CameraTestView; readonly label: string }) {
  const rec = result.recording;
  const seconds = rec?.durationMs ? Math.round(rec.durationMs / 100) / 10 : 0;
  return (
    <section className={`camera-test ${result.ok ? 'camera-test-ok' : 'camera-test-failed'}`} aria-label={`${C.test} ${label}`}>
      <p className={result.ok ? 'ok-text' : 'fault-text'} role="status">{result.ok ? C.testPassed : `${C.testFailed}：${result.message}`}</p>
      {!result.ok && result.detail && <p className="muted mono wrap">{result.detail}</p>}
      {rec && <p>{C.recording(seconds, rec.video ? rec.videoCodec ?? '✓' : '无', rec.audio ? rec.audioCodec ?? '✓' : '无')}</p>}
      {result.snapshot && <figure className="snapshot"><img src={result.snapshot} alt={`${C.snapshot} ${label}`} /></figure>}
    </section>
  );
}
