import type { EXPORTS } from '../../../../common/api.js';

export type ExportName = (typeof EXPORTS)[number];

/**
 * The CSV download of an export over [from, to), or null when this page has no HTTP origin: in
 * the Electron window (app://) the station's HTTP server is not where the page came from, and the
 * download would need a sign-in cookie that window does not have.
 */
export function exportUrl(name: ExportName, from: number, to: number): string | null {
  const { protocol } = window.location;
  if (protocol !== 'http:' && protocol !== 'https:') return null;
  return `/api/export/${name}?from=${from}&to=${to}`;
}
