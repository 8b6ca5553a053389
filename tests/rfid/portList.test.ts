// The serial port list on Linux from a fake /dev and sysfs: by-id names preferred and first, USB
// ids from sysfs when udev's list is empty, built-in UARTs only as udev lists them; COM ports on
// Windows.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listSerialPorts } from '../../hardware/rfid/portList.js';

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

function fakeLinux(): { dev: string; sys: string } {
  root = mkdtempSync(join(tmpdir(), 'ports-'));
  const dev = join(root, 'dev');
  const sys = join(root, 'sys');
  mkdirSync(join(dev, 'serial', 'by-id'), { recursive: true });
  for (const n of ['ttyUSB0', 'ttyUSB1', 'ttyACM0', 'ttyS0', 'null']) writeFileSync(join(dev, n), '');
  symlinkSync('../../ttyUSB1', join(dev, 'serial', 'by-id', 'usb-1a86_USB2.0-Serial-if00-port0'));
  // A link left behind by an adapter just unplugged.
  symlinkSync('../../ttyUSB9', join(dev, 'serial', 'by-id', 'usb-gone-if00-port0'));
  // sysfs: tty → interface folder, whose parent is the USB device with the ids.
  const usb = join(sys, 'devices', 'usb1', '1-1');
  mkdirSync(join(usb, '1-1:1.0'), { recursive: true });
  writeFileSync(join(usb, 'idVendor'), '1a86\n');
  writeFileSync(join(usb, 'idProduct'), '7523\n');
  writeFileSync(join(usb, 'product'), 'USB2.0-Serial\n');
  mkdirSync(join(sys, 'class', 'tty', 'ttyUSB1'), { recursive: true });
  symlinkSync(join(usb, '1-1:1.0'), join(sys, 'class', 'tty', 'ttyUSB1', 'device'));
  return { dev, sys: join(sys, 'class', 'tty') };
}

describe('serial port list', () => {
  it('offers USB adapters by their by-id names, with USB ids from sysfs, when udev lists nothing', async () => {
    const { dev, sys } = fakeLinux();
    const ports = await listSerialPorts({ platform: 'linux', devDir: dev, sysTtyDir: sys, list: () => Promise.reject(new Error('spawn udevadm ENOENT')) });
    expect(ports).toEqual([
      {
        path: join(dev, 'serial', 'by-id', 'usb-1a86_USB2.0-Serial-if00-port0'), device: join(dev, 'ttyUSB1'), stable: true,
        manufacturer: null, product: 'USB2.0-Serial', vendorId: '1a86', productId: '7523', serialNumber: null,
      },
      { path: join(dev, 'ttyACM0'), device: join(dev, 'ttyACM0'), stable: false, manufacturer: null, product: null, vendorId: null, productId: null, serialNumber: null },
      { path: join(dev, 'ttyUSB0'), device: join(dev, 'ttyUSB0'), stable: false, manufacturer: null, product: null, vendorId: null, productId: null, serialNumber: null },
    ]);
  });

  it("takes udev's word for built-in ports and manufacturers", async () => {
    const { dev, sys } = fakeLinux();
    const ports = await listSerialPorts({
      platform: 'linux', devDir: dev, sysTtyDir: sys,
      list: async () => [{ path: join(dev, 'ttyS0') }, { path: join(dev, 'ttyUSB0'), manufacturer: 'FTDI', vendorId: '0403', productId: '6001', serialNumber: 'A10K5XYZ' }],
    });
    expect(ports.map((p) => p.device)).toEqual([join(dev, 'ttyUSB1'), join(dev, 'ttyACM0'), join(dev, 'ttyS0'), join(dev, 'ttyUSB0')]);
    expect(ports.find((p) => p.device === join(dev, 'ttyUSB0'))).toMatchObject({ manufacturer: 'FTDI', vendorId: '0403', productId: '6001', serialNumber: 'A10K5XYZ' });
  });

  it('lists COM ports on Windows', async () => {
    root = mkdtempSync(join(tmpdir(), 'ports-'));
    const ports = await listSerialPorts({
      platform: 'win32',
      list: async () => [{ path: 'COM10', vendorId: '0403', productId: '6001', manufacturer: 'FTDI' }, { path: 'COM3', vendorId: '1A86', productId: '7523' }],
    });
    expect(ports.map((p) => [p.path, p.stable, p.vendorId])).toEqual([['COM3', true, '1a86'], ['COM10', true, '0403']]);
  });
});
