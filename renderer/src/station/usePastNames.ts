// Names for lists of the past (reports, drill-downs): alarms and ledger lines name persons who may
// have left the area, so the overview alone does not know them. Persons who entered during the
// range or in the week before it are looked up too — an alarm concerns someone in custody, and
// custody lasts days at most.
import { useMemo } from 'react';
import { useStation } from './context.js';
import { namesOf, type Names } from './names.js';
import { useQuery } from './useQuery.js';

const LOOKBACK_MS = 7 * 86_400_000;

export function usePastNames(from: number | undefined, to: number): Names {
  const { overview } = useStation();
  const { data } = useQuery('persons', { status: 'all', ...(from === undefined ? {} : { from: from - LOOKBACK_MS }), to, limit: 10_000 });
  return useMemo(() => namesOf(overview, data ?? []), [overview, data]);
}
