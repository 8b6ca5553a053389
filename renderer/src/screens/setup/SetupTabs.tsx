// The parts of the set-up as tabs, each saying how many entries it has and whether a problem is in it.
import type { AreaDraft, DraftProblem } from '../../../../common/areaSetup.js';
import { SETUP_TEXT } from '../../../../common/setupText.js';
import { partOf } from './draftChecks.js';

export type SetupTab = 'rooms' | 'readers' | 'cameras' | 'officers' | 'settings' | 'transfer';
export const SETUP_TABS: readonly SetupTab[] = ['rooms', 'readers', 'cameras', 'officers', 'settings', 'transfer'];

/** The tab a field's problem is shown in. */
export function tabOf(field: string): SetupTab {
  const part = partOf(field);
  return part === 'area' ? 'rooms' : part;
}

export function SetupTabs({ tab, onTab, draft, problems }: {
  readonly tab: SetupTab; readonly onTab: (t: SetupTab) => void; readonly draft: AreaDraft; readonly problems: readonly DraftProblem[];
}) {
  const count: Partial<Record<SetupTab, number>> = {
    rooms: draft.rooms.length, readers: draft.readers.length, cameras: draft.cameras.length, officers: draft.officers.length,
  };
  const wrong = new Set(problems.map((p) => tabOf(p.field)));
  return (
    <div className="setup-tabs" role="tablist" aria-label={SETUP_TEXT.title}>
      {SETUP_TABS.map((t) => (
        <button key={t} type="button" role="tab" aria-selected={tab === t} className={`${tab === t ? 'active' : ''}${wrong.has(t) ? ' has-problem' : ''}`}
          onClick={() => onTab(t)}>
          {SETUP_TEXT.tabs[t]}{count[t] !== undefined ? ` (${count[t]})` : ''}{wrong.has(t) ? ' ⚠' : ''}
        </button>
      ))}
    </div>
  );
}
