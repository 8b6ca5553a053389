// The bridge this page uses: Electron's preload exposes one as window.station; in a browser the
// HTTP bridge is used.
import type { StationBridge } from '../../common/api.js';
import { httpBridge } from './httpBridge.js';

declare global {
  interface Window { station?: StationBridge }
}

export function stationBridge(): StationBridge {
  return window.station ?? httpBridge();
}
