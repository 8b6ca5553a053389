// How the station reaches a wristband or ID-card reader, as the settings write it: a serial device
// or a TCP serial server, and the reader's timing defaults. One source for the station's drivers
// (hardware/rfid/) and the set-up page's checks (areaSetup.ts), so that a connection the page
// accepts is one the driver can open.
export type TransportAddress = { kind: 'serial'; path: string } | { kind: 'tcp'; host: string; port: number };

const TCP = /^tcp:\/\/(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/;
// Absolute paths, not only /dev/…: a socat pty link used for a demo or a test lives elsewhere.
const SERIAL = /^(\/[^\0]+|COM\d+|\\\\\.\\COM\d+)$/i;

export const TRANSPORT_HINT = 'a serial device path (prefer /dev/serial/by-id/…; COM3 on Windows) or tcp://host:port';
export const TRANSPORT_HINT_ZH = '须为串口路径（如 /dev/serial/by-id/…，Windows 为 COM3）或 tcp://主机:端口';

export function parseTransport(text: string): TransportAddress | null {
  const tcp = TCP.exec(text);
  if (tcp) {
    const port = Number(tcp[2]);
    if (port < 1 || port > 65535) return null;
    return { kind: 'tcp', host: (tcp[1] ?? '').replace(/^\[|\]$/g, ''), port };
  }
  return SERIAL.test(text) ? { kind: 'serial', path: text } : null;
}

/** A reader's timing when its connection does not say: dedup window, watchdog, poll period (ms). */
export const READER_DEFAULTS = { dedupMs: 1000, watchdogMs: 3000, pollMs: 200 } as const;

/** The ID-card reader's (SAM) defaults: the SAM module's serial rate, poll period and watchdog (ms). */
export const ID_CARD_DEFAULTS = { baud: 115200, pollMs: 300, watchdogMs: 3000 } as const;
/** What the ID-card driver (hardware/idcard/config.ts) accepts, and so what the set-up page lets through. */
export const ID_CARD_LIMITS = {
  baud: { min: 1200, max: 4_000_000 }, pollMs: { min: 50, max: 10_000 }, watchdogMs: { min: 500, max: 3_600_000 },
} as const;

/**
 * The least watchdog a polled reader may have, when the one given (or its default) is shorter;
 * null when it is long enough. A watchdog shorter than two polls would call a healthy reader
 * offline between its answers. One rule for the drivers and the set-up page.
 */
export function watchdogShortfall(t: { readonly pollMs?: number | undefined; readonly watchdogMs?: number | undefined }, defaults: { readonly pollMs: number; readonly watchdogMs: number }): number | null {
  const least = 2 * (t.pollMs ?? defaults.pollMs);
  return (t.watchdogMs ?? defaults.watchdogMs) < least ? least : null;
}
