// The serial ports a reader can be plugged into, for choosing one instead of typing a path. On
// Linux a USB adapter is offered by its /dev/serial/by-id/… name (it survives replugging and USB
// renumbering, unlike /dev/ttyUSB0); on Windows by its COM name. USB vendor and product ids come
// from serialport's list, or on Linux from sysfs when udev's tool is missing (containers, minimal
// installs), so that an adapter is recognisable by what is printed on it.
import { readdir, readFile, realpath } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { SerialPort } from 'serialport';
import type { SerialPortView } from '../../common/areaSetup.js';

/** A port to offer: `path` is what to write in the reader's transport (the by-id path when there is one). */
export type SerialPortChoice = SerialPortView;

/** What serialport's list() answers (the fields used here). */
export interface ListedPort {
  path: string;
  manufacturer?: string | undefined;
  serialNumber?: string | undefined;
  vendorId?: string | undefined;
  productId?: string | undefined;
}

export interface PortListOptions {
  readonly list?: () => Promise<ListedPort[]>;
  readonly platform?: NodeJS.Platform;
  /** Linux: where by-id links, device nodes and tty sysfs entries are (tests point these elsewhere). */
  readonly byIdDir?: string;
  readonly devDir?: string;
  readonly sysTtyDir?: string;
}

/** USB serial adapters and modems; built-in UARTs (ttyS*) come only from udev, which knows which exist. */
const USB_TTY = /^tty(USB|ACM|WCH|XRUSB)\d+$/;

const hexId = (v: string | undefined | null): string | null => {
  const m = /^(?:0x)?([0-9a-f]{1,4})$/i.exec((v ?? '').trim());
  return m ? (m[1] ?? '').toLowerCase().padStart(4, '0') : null;
};

async function readText(path: string): Promise<string | null> {
  try {
    return (await readFile(path, 'utf8')).trim() || null;
  } catch {
    return null;
  }
}

/** The USB device a tty belongs to, from sysfs: the first parent folder with idVendor. */
async function usbOf(sysTtyDir: string, name: string): Promise<Pick<SerialPortChoice, 'manufacturer' | 'product' | 'vendorId' | 'productId' | 'serialNumber'> | null> {
  let dir: string;
  try {
    dir = await realpath(join(sysTtyDir, name, 'device'));
  } catch {
    return null;
  }
  for (let i = 0; i < 4 && dir !== '/'; i++, dir = dirname(dir)) {
    const vendorId = hexId(await readText(join(dir, 'idVendor')));
    if (vendorId === null) continue;
    return {
      vendorId, productId: hexId(await readText(join(dir, 'idProduct'))),
      manufacturer: await readText(join(dir, 'manufacturer')), product: await readText(join(dir, 'product')),
      serialNumber: await readText(join(dir, 'serial')),
    };
  }
  return null;
}

/** device node → its by-id link. */
async function byIdLinks(byIdDir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let names: string[];
  try {
    names = await readdir(byIdDir);
  } catch {
    return out;
  }
  for (const name of names.sort()) {
    try {
      const device = await realpath(join(byIdDir, name));
      if (!out.has(device)) out.set(device, join(byIdDir, name));
    } catch {
      // A link to an adapter unplugged a moment ago.
    }
  }
  return out;
}

export async function listSerialPorts(o: PortListOptions = {}): Promise<SerialPortChoice[]> {
  const platform = o.platform ?? process.platform;
  const listed = await (o.list ?? (() => SerialPort.list()))().catch((): ListedPort[] => []);
  if (platform !== 'linux') {
    return listed.map((p) => ({
      path: p.path, device: p.path, stable: platform === 'win32', manufacturer: p.manufacturer ?? null, product: null,
      vendorId: hexId(p.vendorId), productId: hexId(p.productId), serialNumber: p.serialNumber ?? null,
    })).sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
  }
  const devDir = o.devDir ?? '/dev';
  const sysTtyDir = o.sysTtyDir ?? '/sys/class/tty';
  const links = await byIdLinks(o.byIdDir ?? join(devDir, 'serial', 'by-id'));
  const devices = new Map<string, ListedPort>(listed.map((p) => [p.path, p]));
  // Without udev's tool the list is empty: the device nodes of USB adapters are looked up directly.
  const nodes = await readdir(devDir).catch((): string[] => []);
  for (const name of nodes) if (USB_TTY.test(name) && !devices.has(join(devDir, name))) devices.set(join(devDir, name), { path: join(devDir, name) });
  for (const device of links.keys()) if (!devices.has(device)) devices.set(device, { path: device });
  const out: SerialPortChoice[] = [];
  for (const [device, p] of devices) {
    const usb = await usbOf(sysTtyDir, basename(device));
    const link = links.get(device);
    out.push({
      path: link ?? device, device, stable: link !== undefined,
      manufacturer: p.manufacturer ?? usb?.manufacturer ?? null, product: usb?.product ?? null,
      vendorId: hexId(p.vendorId) ?? usb?.vendorId ?? null, productId: hexId(p.productId) ?? usb?.productId ?? null,
      serialNumber: p.serialNumber ?? usb?.serialNumber ?? null,
    });
  }
  return out.sort((a, b) => Number(b.stable) - Number(a.stable) || a.path.localeCompare(b.path, 'en', { numeric: true }));
}
