// An in-memory link for unit tests of the manager: the test plays the device, sees what the
// driver writes, and can unplug and replug it. The pty tests use real ports instead.
import type { Connector, LinkEvents } from '../../hardware/rfid/link.js';

export class FakeReaderPort {
  opens = 0;
  present = true;
  readonly written: Buffer[] = [];
  /** Called with each write: lets a test answer commands like a reader. */
  onWrite: (bytes: Buffer) => void = () => undefined;
  private events: LinkEvents | null = null;
  private attemptWaiters: Array<{ count: number; done: () => void }> = [];

  readonly connector: Connector = (events) => {
    this.opens++;
    const ready = this.attemptWaiters.filter((w) => this.opens >= w.count);
    this.attemptWaiters = this.attemptWaiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.done();
    if (!this.present) return Promise.reject(new Error('No such file or directory'));
    this.events = events;
    return Promise.resolve({
      write: (bytes: Uint8Array) => {
        const copy = Buffer.from(bytes);
        this.written.push(copy);
        this.onWrite(copy);
        return Promise.resolve();
      },
      close: () => {
        if (this.events === events) this.events = null;
        return Promise.resolve();
      },
    });
  };

  get isOpen(): boolean {
    return this.events !== null;
  }

  /** Resolves once the driver has made `count` more open attempts (failed or not). */
  attempts(count: number): Promise<void> {
    return new Promise((done) => this.attemptWaiters.push({ count: this.opens + count, done }));
  }

  send(bytes: Uint8Array): void {
    this.events?.data(Buffer.from(bytes));
  }

  unplug(reason = 'port lost: disconnected'): void {
    const events = this.events;
    this.events = null;
    this.present = false;
    events?.closed(reason);
  }

  plug(): void {
    this.present = true;
  }
}
