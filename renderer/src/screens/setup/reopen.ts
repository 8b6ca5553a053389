// Opening the other record (the example's, or this area's real one) restarts the station on it:
// the page asks, waits until the station answers again, and loads itself afresh.
import type { StationBridge } from '../../../../common/api.js';

const TRIES = 120;
const EVERY_MS = 500;

export async function reopenStation(bridge: StationBridge, example: boolean): Promise<void> {
  await bridge.invoke('openRecord', { example });
  for (let i = 0; i < TRIES; i++) {
    await new Promise((r) => setTimeout(r, EVERY_MS));
    try {
      const state = await bridge.invoke('setupState', {});
      if (state.example === example) break;
    } catch {
      // Restarting: not answering yet.
    }
  }
  window.location.hash = '#/';
  window.location.reload();
}
