import { useEffect, useState } from 'react';
import type { StationBridge } from '../../common/api.js';
import type { Overview } from '../../common/views.js';

export function App({ bridge }: { bridge: StationBridge }) {
  const [overview, setOverview] = useState<Overview | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    bridge.invoke('overview', {}).then(setOverview, (e: Error) => setError(e.message));
  }, [bridge]);
  return (
    <main>
      <h1>办案区管控工作站</h1>
      {error && <p role="alert">{error}</p>}
      {overview && <p>{overview.area?.name}：在区人员 {overview.persons.length} 人</p>}
    </main>
  );
}
