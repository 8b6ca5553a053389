// The dashboard's figures, large enough to read across a room; the ones that call for action turn red.
import { T } from '../../../../common/deskText.js';
import type { DashboardFigures } from './figures.js';

type Key = keyof DashboardFigures;

const ORDER: readonly { readonly key: Key; readonly alarming: boolean }[] = [
  { key: 'inArea', alarming: false }, { key: 'sessions', alarming: false }, { key: 'tempExit', alarming: false },
  { key: 'critical', alarming: true }, { key: 'warning', alarming: false }, { key: 'deadlines', alarming: true },
  { key: 'unrecorded', alarming: true }, { key: 'devicesOffline', alarming: true },
];

export function SummaryFigures({ figures }: { readonly figures: DashboardFigures }) {
  return (
    <dl className="figures">
      {ORDER.map(({ key, alarming }) => (
        <div key={key} className={alarming && figures[key] > 0 ? 'fault' : ''} data-figure={key}>
          <dt>{T.dashboard.figures[key]}</dt>
          <dd>{figures[key]}</dd>
        </div>
      ))}
    </dl>
  );
}
