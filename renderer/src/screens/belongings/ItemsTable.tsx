// The stored belongings of a person, with what became of each when the person left.
import { T } from '../../../../common/deskText.js';
import { DISPOSITION_LABELS } from '../../../../common/messages.js';
import type { ItemView } from '../../../../common/views.js';
import { formatDateTime } from '../../../../common/zonedTime.js';
import { useStation } from '../../station/context.js';

export function ItemsTable({ items }: { readonly items: readonly ItemView[] }) {
  const { timeZone } = useStation();
  if (items.length === 0) return <p className="muted">{T.belongings.none}</p>;
  return (
    <table className="data">
      <thead>
        <tr>
          <th className="num">#</th><th>{T.belongings.name}</th><th className="num">{T.belongings.quantity}</th><th>{T.belongings.features}</th>
          <th>{T.belongings.caseRelated}</th><th>{T.belongings.locker}</th><th>{T.belongings.storedAt}</th><th>{T.belongings.disposition}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((it, i) => (
          <tr key={it.id} data-item={it.id}>
            <td className="num">{i + 1}</td><td className="wrap">{it.name}</td><td className="num">{it.quantity}</td><td className="wrap">{it.features ?? ''}</td>
            <td>{it.caseRelated ? T.common.yes : T.common.no}</td><td className="mono">{it.locker ?? ''}</td>
            <td>{formatDateTime(it.storedAt, timeZone)}</td>
            <td>{it.disposition ? DISPOSITION_LABELS[it.disposition] : T.belongings.inLocker}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
