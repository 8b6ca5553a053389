// What the signed-in account may do with recordings, asked of the station once per page (the
// roles come from the station's configuration, which the page cannot know) and shared by every
// button that needs it. Until the answer is in, nothing is offered.
import { useEffect, useState } from 'react';
import type { StationBridge } from '../../../common/api.js';
import type { MediaAccess } from '../../../common/recordings.js';
import { useStation } from './context.js';

const NONE: MediaAccess = { live: false, playback: false, exportEvidence: false, viewingLog: false };
const asked = new WeakMap<StationBridge, Map<string, Promise<MediaAccess>>>();

function ask(bridge: StationBridge, account: string): Promise<MediaAccess> {
  let byAccount = asked.get(bridge);
  if (!byAccount) {
    byAccount = new Map();
    asked.set(bridge, byAccount);
  }
  let answer = byAccount.get(account);
  if (!answer) {
    answer = bridge.invoke('mediaAccess', {}).catch(() => {
      byAccount.delete(account);
      return NONE;
    });
    byAccount.set(account, answer);
  }
  return answer;
}

export function useMediaAccess(): MediaAccess {
  const { bridge, session } = useStation();
  const [access, setAccess] = useState<MediaAccess>(NONE);
  useEffect(() => {
    let current = true;
    void ask(bridge, session.account).then((a) => { if (current) setAccess(a); });
    return () => { current = false; };
  }, [bridge, session.account]);
  return access;
}
