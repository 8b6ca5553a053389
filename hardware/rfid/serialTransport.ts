// Serial links through serialport. An unplugged USB adapter or a vanished pty usually shows up
// as a 'close' carrying a DisconnectedError, and the reader manager then reopens the path,
// which works again once udev (or socat) has recreated it.
//
// Not always: when the tty hangs up while bytes are flowing, read() returns 0 (end of file) and
// @serialport/bindings-cpp 13 retries it for ever (serialport/bindings-cpp#162), so the port
// neither closes nor reads again — and a reader we never write to (EM4100) would look online
// for ever. So while a port is open we also check that its path still leads to the device we
// opened: udev removes /dev/ttyUSB*, /dev/serial/by-id/* on unplug (and gives a replugged
// adapter a new node while the old one is held), socat removes its links when it exits.
import { stat } from 'node:fs/promises';
import { SerialPort } from 'serialport';
import { messageOf, type Connector } from './link.js';

const PRESENCE_CHECK_MS = 250;

/** The device number behind a path, or null if the path leads nowhere now. */
async function deviceOf(path: string): Promise<number | null> {
  try {
    return (await stat(path)).rdev;
  } catch {
    return null;
  }
}

export function serialConnector(path: string, baudRate: number): Connector {
  // COM ports have no path to check (and the Windows binding does not have the bug).
  const checkPresence = path.startsWith('/');
  return (events) => new Promise((resolve, reject) => {
    const port = new SerialPort({ path, baudRate, dataBits: 8, stopBits: 1, parity: 'none', autoOpen: false });
    let open = false;
    let done = false;
    let presence: NodeJS.Timeout | null = null;
    // A write queued on a port that is closing waits for an 'open' that never comes, and its
    // callback never runs: settle such writes here, or a writer awaiting them hangs for ever.
    const pending = new Set<(err: Error) => void>();
    const closePort = (): Promise<void> => new Promise((ok) => {
      if (presence) clearInterval(presence);
      presence = null;
      for (const fail of pending) fail(new Error('port closed'));
      pending.clear();
      if (!port.isOpen) {
        ok();
        return;
      }
      port.close(() => ok());
    });
    const finish = (reason: string): void => {
      if (done) return;
      done = true;
      void closePort();
      events.closed(reason);
    };
    // An 'error' with no listener would throw; errors before the open are reported by open().
    port.on('error', (err) => {
      if (open) finish(`port error: ${err.message}`);
    });
    port.on('close', (err: unknown) => finish(err ? `port lost: ${messageOf(err)}` : 'port closed'));
    port.on('data', (chunk: Buffer) => events.data(chunk));
    port.open((err) => {
      if (err) {
        reject(err);
        return;
      }
      open = true;
      if (checkPresence) {
        void deviceOf(path).then((device) => {
          if (done || device === null) return;
          presence = setInterval(() => {
            void deviceOf(path).then((now) => {
              if (now !== device) finish('port lost: device gone');
            });
          }, PRESENCE_CHECK_MS);
        });
      }
      resolve({
        write: (bytes) => new Promise((ok, fail) => {
          if (done) {
            fail(new Error('port closed'));
            return;
          }
          pending.add(fail);
          port.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), (e) => {
            pending.delete(fail);
            if (e) fail(e);
            else ok();
          });
        }),
        close: () => {
          done = true;
          return closePort();
        },
      });
    });
  });
}
