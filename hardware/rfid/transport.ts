// Where a reader is: a serial device or a TCP serial server, written as the config writes it.
import type { Connector } from './link.js';
import { serialConnector } from './serialTransport.js';
import { tcpConnector } from './tcpTransport.js';

export type TransportAddress = { kind: 'serial'; path: string } | { kind: 'tcp'; host: string; port: number };

const TCP = /^tcp:\/\/(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/;
// Absolute paths, not only /dev/…: a socat pty link used for a demo or a test lives elsewhere.
const SERIAL = /^(\/[^\0]+|COM\d+|\\\\\.\\COM\d+)$/i;

export const TRANSPORT_HINT = 'a serial device path (prefer /dev/serial/by-id/…; COM3 on Windows) or tcp://host:port';

export function parseTransport(text: string): TransportAddress | null {
  const tcp = TCP.exec(text);
  if (tcp) {
    const port = Number(tcp[2]);
    if (port < 1 || port > 65535) return null;
    return { kind: 'tcp', host: (tcp[1] ?? '').replace(/^\[|\]$/g, ''), port };
  }
  return SERIAL.test(text) ? { kind: 'serial', path: text } : null;
}

export function connectorFor(address: TransportAddress, baudRate: number): Connector {
  switch (address.kind) {
    case 'serial': return serialConnector(address.path, baudRate);
    case 'tcp': return tcpConnector(address.host, address.port);
  }
}
