// 保存前核对: what the save will do, decided by the core without recording anything — the changes,
// what will raise alarms, which devices reconnect — or the core's refusal, which is also shown at
// its field.
import type { AreaPreview } from '../../../../common/areaSetup.js';
import { SETUP_TEXT } from '../../../../common/setupText.js';

const P = SETUP_TEXT.preview;

export function ChangePreview({ preview }: { readonly preview: AreaPreview }) {
  if (preview.unchanged) return <p className="muted" role="status">{P.unchanged}</p>;
  return (
    <div className="change-preview" role="region" aria-label={P.title}>
      {preview.problem && <p className="form-error" role="alert" tabIndex={-1} data-form-error>{P.refused}{preview.problem.message}</p>}
      {preview.effects.length > 0 && (
        <>
          <h3>{P.effects}</h3>
          <ul className="effects">{preview.effects.map((e) => <li key={e}>{e}</li>)}</ul>
        </>
      )}
      {preview.warnings.length > 0 && (
        <>
          <h3>{P.warnings}</h3>
          <ul className="warnings">{preview.warnings.map((w) => <li key={w} className="warn-text">{w}</li>)}</ul>
        </>
      )}
      {preview.restarts.length > 0 && (
        <>
          <h3>{P.restarts}</h3>
          <ul className="restarts">{preview.restarts.map((r) => <li key={r}>{r}</li>)}</ul>
        </>
      )}
    </div>
  );
}
