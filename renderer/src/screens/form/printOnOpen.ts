// "登记出区并打印登记表": the exit's button promises the printed form, so the form page opens the
// print dialog by itself once — when it was reached through that button, not on every visit.
const KEY = 'station:print-on-open';

export function printWhenOpened(personId: string): void {
  try { window.sessionStorage.setItem(KEY, personId); } catch { /* storage off: the print button is there */ }
}

/** True once for the person the exit asked to print. */
export function takePrintRequest(personId: string): boolean {
  try {
    if (window.sessionStorage.getItem(KEY) !== personId) return false;
    window.sessionStorage.removeItem(KEY);
    return true;
  } catch {
    return false;
  }
}
