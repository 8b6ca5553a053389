// Waits on the station for cards placed on the desk's ID-card reader while the entry form is
// open: only cards placed after the form opened, each once. The station holds every call for up
// to WAIT_MS, so the form hears a card at once without asking over and over.
import { useEffect, useRef, useState } from 'react';
import type { IdCardReadView } from '../../../../common/idCard.js';
import { useStation } from '../../station/context.js';

const WAIT_MS = 8000;
/** After a failed call (the station restarting, the network): try again after this long. */
const RETRY_MS = 3000;
/** A station without a reader is asked again this often: one may be connected on 办案区设置 while the form is open. */
export const RECHECK_MS = 15_000;

export interface DeskIdCardState {
  /** null until the station has said whether it has a reader. */
  readonly configured: boolean | null;
  readonly online: boolean;
}

export function useDeskIdCard(onCard: (read: IdCardReadView) => void): DeskIdCardState {
  const { bridge } = useStation();
  const [state, setState] = useState<DeskIdCardState>({ configured: null, online: false });
  const handler = useRef(onCard);
  useEffect(() => {
    handler.current = onCard;
  }, [onCard]);

  useEffect(() => {
    let live = true;
    let retry: ReturnType<typeof setTimeout> | null = null;
    const loop = async (after: number | null): Promise<void> => {
      try {
        const view = await bridge.invoke('deskIdCard', after === null ? { after: 0 } : { after, waitMs: WAIT_MS });
        if (!live) return;
        setState({ configured: view.configured, online: view.online });
        if (!view.configured) {
          retry = setTimeout(() => void loop(null), RECHECK_MS);
          return;
        }
        // The first call only learns where the reader stands: a card read before the form opened is not this person's.
        if (after !== null && view.read) handler.current(view.read);
        void loop(view.seq);
      } catch {
        if (live) retry = setTimeout(() => void loop(after), RETRY_MS);
      }
    };
    void loop(null);
    return () => {
      live = false;
      if (retry) clearTimeout(retry);
    };
  }, [bridge]);
  return state;
}
