// 办案区设置 (administrators): rooms, readers, cameras, officers and rule settings of the area,
// with each device found and tested before it is saved. 核对变更 shows what the change does — as
// the core would decide it, without recording anything — and 确认保存 records it, writes the
// connections to the station's settings file, and restarts only the devices the change touches.
import { useState } from 'react';
import type { AreaPreview, AreaSetupView } from '../../../../common/areaSetup.js';
import { SETUP_TEXT } from '../../../../common/setupText.js';
import { useStation } from '../../station/context.js';
import { useCall } from '../../station/useCall.js';
import { FormError } from '../../widgets/Field.js';
import { CamerasEditor } from './CamerasEditor.js';
import { ChangePreview } from './ChangePreview.js';
import { checkDraft } from './draftChecks.js';
import { OfficersEditor } from './OfficersEditor.js';
import { ReadersEditor } from './ReadersEditor.js';
import { reopenStation } from './reopen.js';
import { RoomsEditor } from './RoomsEditor.js';
import { SettingsEditor } from './SettingsEditor.js';
import { SetupContext } from './setupContext.js';
import { SetupTabs, tabOf, type SetupTab } from './SetupTabs.js';
import { TransferPanel } from './TransferPanel.js';
import { useSetupEditing } from './useSetupEditing.js';
import { useTask } from './useTask.js';

const S = SETUP_TEXT;

export function AreaSetupScreen() {
  const view = useCall('areaSetup', {});
  // What the last save did, said until the next change.
  const [saved, setSaved] = useState<AreaPreview | null>(null);
  return (
    <div className="area-setup-screen">
      <div className="screen-head"><h1>{S.title}</h1></div>
      {view.error && <p className="form-error" role="alert">{view.error}</p>}
      {saved && (
        <section className="panel saved-note" role="status">
          <p className="note">{S.preview.saved}</p>
          <ChangePreview preview={{ ...saved, problem: null }} />
        </section>
      )}
      {view.data === undefined ? <p>{SETUP_TEXT.preview.checking}</p> : (
        // A fresh editor for each saved state: what was saved is the new starting point.
        <SetupEditor key={JSON.stringify(view.data.draft)} view={view.data}
          onChanged={() => setSaved(null)} onSaved={(p) => { setSaved(p); void view.run(); }} />
      )}
    </div>
  );
}

function SetupEditor({ view, onChanged, onSaved }: {
  readonly view: AreaSetupView; readonly onChanged: () => void; readonly onSaved: (p: AreaPreview) => void;
}) {
  const { bridge } = useStation();
  const e = useSetupEditing(bridge, view, view.draft);
  const [tab, setTab] = useState<SetupTab>('rooms');
  const [preview, setPreview] = useState<AreaPreview | null>(null);
  // Said above the tabs: an import opens the rooms, and the import panel's own line would go with it.
  const [imported, setImported] = useState<string | null>(null);
  const { busy, error, run, setError } = useTask<'check' | 'save' | 'reopen'>();
  const { draft } = e;

  const change = (d: typeof draft): void => {
    e.setDraft(d);
    setPreview(null);
    setImported(null);
    onChanged();
  };
  const showProblems = (list: Parameters<typeof e.show>[0]): void => {
    const first = list[0];
    if (first) setTab(tabOf(first.field));
    e.show(list);
  };

  const check = async (): Promise<void> => {
    setError(null);
    setPreview(null);
    const found = checkDraft(draft, ['area', 'rooms', 'readers', 'cameras', 'officers', 'settings'], e.tested, e.savedStreams);
    showProblems(found);
    if (found.length > 0) return;
    const p = await run('check', () => bridge.invoke('previewArea', { draft }));
    if (!p) return;
    setPreview(p);
    showProblems(p.problem ? [p.problem] : []);
  };
  const save = async (): Promise<void> => {
    const r = await run('save', () => bridge.invoke('saveArea', { draft }));
    if (!r) return;
    if (r.ok) {
      onSaved(r.preview);
      return;
    }
    setPreview(null);
    showProblems([r.problem]);
  };
  // The page reloads itself once the station is back on the other record.
  const reopen = (): void => void run('reopen', () => reopenStation(bridge, false));

  return (
    <SetupContext.Provider value={e.context}>
      <div ref={e.root}>
        {view.example && (
          <section className="panel example-switch">
            <p>{S.wizard.fromExampleHint}</p>
            <button type="button" disabled={busy !== null} onClick={reopen}>
              {busy === 'reopen' ? S.wizard.switching : S.wizard.fromExample}
            </button>
          </section>
        )}
        <p className="muted">{S.intro}</p>
        <dl className="facts-row">
          <div><dt className="muted">{S.area.name}</dt><dd>{draft.area.name}</dd></div>
          <div><dt className="muted">{S.area.id}</dt><dd className="mono">{draft.area.id}</dd></div>
          <div><dt className="muted">设置文件</dt><dd className="mono wrap">{view.settingsFile}</dd></div>
        </dl>
        {imported && <p className="note" role="status">{imported}</p>}
        <SetupTabs tab={tab} onTab={setTab} draft={draft} problems={e.problems} />
        <div className="setup-tab-body" role="tabpanel" aria-label={S.tabs[tab]}>
          {tab === 'rooms' && <RoomsEditor draft={draft} onChange={change} />}
          {tab === 'readers' && <ReadersEditor draft={draft} onChange={change} />}
          {tab === 'cameras' && <CamerasEditor draft={draft} onChange={change} />}
          {tab === 'officers' && <OfficersEditor draft={draft} onChange={change} />}
          {tab === 'settings' && <SettingsEditor draft={draft} onChange={change} />}
          {tab === 'transfer' && <TransferPanel onImport={(d, file) => { change({ ...d, area: draft.area }); setImported(S.transfer.imported(file)); setTab('rooms'); }} />}
        </div>
        <section className="panel setup-save">
          <h2>{S.preview.title}</h2>
          {preview && <ChangePreview preview={preview} />}
          <FormError message={error ?? undefined} />
          <div className="actions">
            <button type="button" disabled={busy !== null} onClick={() => void check()}>{busy === 'check' ? S.preview.checking : S.preview.check}</button>
            {preview && !preview.problem && !preview.unchanged && (
              <button type="button" className="primary" disabled={busy !== null} onClick={() => void save()}>{busy === 'save' ? SETUP_TEXT.preview.checking : S.preview.save}</button>
            )}
          </div>
        </section>
      </div>
    </SetupContext.Provider>
  );
}
