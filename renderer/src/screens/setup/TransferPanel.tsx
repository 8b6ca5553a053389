// The whole set-up as a file: exported (camera passwords only when asked, with a warning) to keep
// or to start another station with (--config), imported into this page to check and save.
import { useRef, useState } from 'react';
import type { AreaDraft } from '../../../../common/areaSetup.js';
import { draftOfFile } from '../../../../common/setupFile.js';
import { SETUP_TEXT } from '../../../../common/setupText.js';
import { errorMessage } from '../../station/errors.js';
import { useSetup } from './setupContext.js';

const X = SETUP_TEXT.transfer;

/** Offers text to the person as a file download. */
function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function TransferPanel({ onImport }: { readonly onImport: (draft: AreaDraft, file: string) => void }) {
  const { bridge } = useSetup();
  const [secrets, setSecrets] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const exportFile = async (): Promise<void> => {
    try {
      const r = await bridge.invoke('exportSetup', { secrets });
      download(r.fileName, r.text);
    } catch (err) {
      setMessage(errorMessage(err));
    }
  };
  const importFile = async (file: File): Promise<void> => {
    try {
      const draft = draftOfFile(JSON.parse(await file.text()) as unknown);
      setMessage(null);
      onImport(draft, file.name);
    } catch (err) {
      setMessage(X.badFile(errorMessage(err)));
    }
  };
  return (
    <div className="transfer">
      <section className="panel">
        <h3>{X.export}</h3>
        <p className="muted">{X.exportHint}</p>
        <p><label className="check"><input type="checkbox" checked={secrets} onChange={(e) => setSecrets(e.target.checked)} /> {X.exportSecrets}</label></p>
        {secrets && <p className="warn-text" role="alert">{X.secretsWarning}</p>}
        <div className="actions"><button type="button" onClick={() => void exportFile()}>{X.export}</button></div>
      </section>
      <section className="panel">
        <h3>{X.import}</h3>
        <p className="muted">{X.importHint}</p>
        {/* The browser's own file field speaks the browser's language; a button of the page opens it. */}
        <input ref={input} type="file" className="visually-hidden" tabIndex={-1} accept="application/json,.json" aria-label={X.import}
          onChange={(e) => { const f = e.target.files?.[0]; if (f) void importFile(f); e.target.value = ''; }} />
        <div className="actions"><button type="button" onClick={() => input.current?.click()}>{X.choose}</button></div>
      </section>
      {message && <p className="form-error" role="alert">{message}</p>}
    </div>
  );
}
