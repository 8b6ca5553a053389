// The editing state shared by the administrator's page and the wizard: the draft, the problems
// shown (the page's own checks, or the core's refusal from a preview), the streams that passed
// 试录像, and the keyboard put on the first problem whenever a new set is shown. A problem is shown
// while what it is about is as it was when it was found: once the field is edited, its message
// goes (the next check looks again), instead of staying beside the value that put it right.
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { StationBridge } from '../../../../common/api.js';
import type { AreaDraft, AreaSetupView, DraftProblem } from '../../../../common/areaSetup.js';
import { focusFirstProblem } from './focusProblem.js';
import type { SetupValue } from './setupContext.js';
import { cameraStream } from './draftChecks.js';

export interface SetupEditing {
  readonly draft: AreaDraft;
  setDraft(d: AreaDraft): void;
  readonly problems: readonly DraftProblem[];
  /** Shows these problems (none: clears) and moves the keyboard to the first. */
  show(problems: readonly DraftProblem[]): void;
  readonly tested: ReadonlySet<string>;
  /** Streams of the saved set-up (they need no new test). */
  readonly savedStreams: ReadonlySet<string>;
  readonly context: SetupValue;
  /** The element problems are looked for in. */
  readonly root: RefObject<HTMLDivElement | null>;
}

/** The part of `draft` a problem's field names (`rooms.2.capacity`), as text to compare. */
function partAt(draft: AreaDraft, field: string): string | undefined {
  let v: unknown = draft;
  for (const key of field.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  // NaN (a number field holding a letter) is not the empty field's null.
  return JSON.stringify(v, (_key, x: unknown) => (typeof x === 'number' && Number.isNaN(x) ? 'NaN' : x));
}

export function useSetupEditing(bridge: StationBridge, saved: AreaSetupView | null, initial: AreaDraft): SetupEditing {
  const [draft, setDraft] = useState(initial);
  const [found, setProblems] = useState<readonly DraftProblem[]>([]);
  /** The draft the problems were found in. */
  const [foundIn, setFoundIn] = useState(initial);
  const latest = useRef(draft);
  latest.current = draft;
  const problems = useMemo(
    () => (foundIn === draft ? found : found.filter((p) => partAt(draft, p.field) === partAt(foundIn, p.field))),
    [found, foundIn, draft],
  );
  const [tested, setTested] = useState<ReadonlySet<string>>(new Set());
  const [shown, setShown] = useState(0);
  const root = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (shown > 0) focusFirstProblem(root.current);
  }, [shown]);
  const show = useCallback((list: readonly DraftProblem[]) => {
    setProblems(list);
    setFoundIn(latest.current);
    if (list.length > 0) setShown((n) => n + 1);
  }, []);
  const markTested = useCallback((key: string) => {
    setTested((t) => new Set([...t, key]));
    // A passed test answers "not tested yet": that message goes at once (the next check looks again).
    setProblems((list) => list.filter((p) => !p.field.endsWith('.connection.test')));
  }, []);
  const savedStreams = useMemo(
    () => new Set((saved?.draft.cameras ?? []).flatMap((c) => (c.connection ? [cameraStream(c.id, c.connection)] : []))),
    [saved],
  );
  const context = useMemo<SetupValue>(() => ({ bridge, saved, problems, tested, markTested }), [bridge, saved, problems, tested, markTested]);
  return { draft, setDraft, problems, show, tested, savedStreams, context, root };
}
