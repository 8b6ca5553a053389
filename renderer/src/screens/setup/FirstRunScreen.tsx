// First start of the real record: no area yet. The example area opens in a record of its own
// (demo/), never in this area's; 配置本办案区 opens the wizard.
import { useState } from 'react';
import type { StationBridge } from '../../../../common/api.js';
import { SETUP_TEXT } from '../../../../common/setupText.js';
import type { SessionInfo } from '../../../../common/views.js';
import { errorMessage } from '../../station/errors.js';
import { FormError } from '../../widgets/Field.js';
import { AuthFrame } from '../auth/AuthFrame.js';
import { reopenStation } from './reopen.js';
import { SetupWizard } from './SetupWizard.js';

const W = SETUP_TEXT.wizard;

export function FirstRunScreen({ bridge, onSignedIn }: { readonly bridge: StationBridge; readonly onSignedIn: (s: SessionInfo) => void }) {
  const [mode, setMode] = useState<'choose' | 'wizard' | 'example'>('choose');
  const [error, setError] = useState<string | null>(null);
  if (mode === 'wizard') return <SetupWizard bridge={bridge} onSignedIn={onSignedIn} onBack={() => setMode('choose')} />;
  const example = (): void => {
    setMode('example');
    setError(null);
    reopenStation(bridge, true).catch((err: unknown) => {
      setMode('choose');
      setError(errorMessage(err));
    });
  };
  return (
    <AuthFrame title={W.title} example={false}>
      <p>{W.intro}</p>
      <div className="first-run-choices">
        <section className="panel">
          <button type="button" className="primary" onClick={() => setMode('wizard')}>{W.configure}</button>
          <p className="muted">{W.configureHint}</p>
        </section>
        <section className="panel">
          <button type="button" disabled={mode === 'example'} onClick={example}>{mode === 'example' ? W.switching : W.example}</button>
          <p className="muted">{W.exampleHint}</p>
        </section>
      </div>
      <FormError message={error ?? undefined} />
    </AuthFrame>
  );
}
