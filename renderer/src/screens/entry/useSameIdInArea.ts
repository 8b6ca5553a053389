// Whether someone with the same resident ID number is in the area now (a second registration of
// the same person is usually a mistake): asked of the station once the number is a valid one.
import { useEffect, useState } from 'react';
import { parseIdNumber } from '../../../../common/idNumber.js';
import type { PersonSummary } from '../../../../common/views.js';
import { useStation } from '../../station/context.js';

export function useSameIdInArea(idNumber: string, residentId: boolean): PersonSummary | null {
  const { bridge, revision } = useStation();
  const parsed = residentId ? parseIdNumber(idNumber.trim()) : null;
  const wanted = parsed?.ok ? parsed.facts.normalized : null;
  const [found, setFound] = useState<{ id: string; person: PersonSummary | null } | null>(null);
  useEffect(() => {
    if (wanted === null) return;
    let current = true;
    bridge.invoke('search', { text: wanted, limit: 20 }).then((hits) => {
      if (!current) return;
      const same = hits.find((h) => h.idNumber?.toUpperCase() === wanted && h.person.status !== 'exited');
      setFound({ id: wanted, person: same?.person ?? null });
    }, () => undefined);
    return () => { current = false; };
  }, [bridge, wanted, revision]);
  return found && found.id === wanted ? found.person : null;
}
