// Serial links through serialport. An unplugged USB adapter or a vanished pty shows up as a
// 'close' carrying a DisconnectedError; the reader manager then reopens the path, which works
// again once udev (or socat) has recreated it.
import { SerialPort } from 'serialport';
import { messageOf, type Connector } from './link.js';

export function serialConnector(path: string, baudRate: number): Connector {
  return (events) => new Promise((resolve, reject) => {
    const port = new SerialPort({ path, baudRate, dataBits: 8, stopBits: 1, parity: 'none', autoOpen: false });
    let open = false;
    let done = false;
    const finish = (reason: string): void => {
      if (done) return;
      done = true;
      events.closed(reason);
    };
    // An 'error' with no listener would throw; errors before the open are reported by open().
    port.on('error', (err) => {
      if (!open) return;
      finish(`port error: ${err.message}`);
      if (port.isOpen) port.close(() => undefined);
    });
    port.on('close', (err: unknown) => finish(err ? `port lost: ${messageOf(err)}` : 'port closed'));
    port.on('data', (chunk: Buffer) => events.data(chunk));
    port.open((err) => {
      if (err) {
        reject(err);
        return;
      }
      open = true;
      resolve({
        write: (bytes) => new Promise((ok, fail) => {
          port.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), (e) => (e ? fail(e) : ok()));
        }),
        close: () => new Promise((ok) => {
          done = true;
          if (!port.isOpen) {
            ok();
            return;
          }
          port.close(() => ok());
        }),
      });
    });
  });
}
