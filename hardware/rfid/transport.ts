// Where a reader is: a serial device or a TCP serial server, written as the config writes it.
import type { Connector } from './link.js';
import { serialConnector } from './serialTransport.js';
import { tcpConnector } from './tcpTransport.js';
import type { TransportAddress } from '../../common/readerLink.js';

export { parseTransport, TRANSPORT_HINT, type TransportAddress } from '../../common/readerLink.js';

export function connectorFor(address: TransportAddress, baudRate: number): Connector {
  switch (address.kind) {
    case 'serial': return serialConnector(address.path, baudRate);
    case 'tcp': return tcpConnector(address.host, address.port);
  }
}
