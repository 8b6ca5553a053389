// A reader connection the set-up page accepts is one the driver can open: the page's checks say in
// Chinese, on the field, what the driver would refuse (hardware/rfid/config.ts).
import { describe, expect, it } from 'vitest';
import { readerConnectionSchema } from '../../common/areaSetup.js';
import { parseReaderConfig } from '../../hardware/rfid/config.js';

const problem = (raw: Record<string, unknown>): { path: string; message: string } | null => {
  const r = readerConnectionSchema.safeParse(raw);
  const issue = r.success ? undefined : r.error.issues[0];
  return issue ? { path: issue.path.join('.'), message: issue.message } : null;
};

describe('reader connections on the set-up page', () => {
  it.each([
    ['tcp://10.0.0.9:4001'], ['tcp://[fe80::1]:4001'], ['/dev/serial/by-id/usb-FTDI-if00'], ['COM3'],
  ])('accepts %s, as the driver does', (transport) => {
    expect(problem({ transport, protocol: 'chafon' })).toBeNull();
    expect(() => parseReaderConfig({ id: 'R', room: null, role: 'exit', transport, protocol: 'chafon' })).not.toThrow();
  });

  it.each([['10.0.0.9:4001'], ['tcp://10.0.0.9:70000'], ['COMX'], ['dev/ttyUSB0']])('refuses %s in Chinese on the transport field, as the driver would', (transport) => {
    expect(problem({ transport, protocol: 'chafon' })).toEqual({ path: 'transport', message: '须为串口路径（如 /dev/serial/by-id/…，Windows 为 COM3）或 tcp://主机:端口' });
    expect(() => parseReaderConfig({ id: 'R', room: null, role: 'exit', transport, protocol: 'chafon' })).toThrow(/transport/);
  });

  it('refuses a watchdog shorter than two polls, naming the least it may be', () => {
    expect(problem({ transport: 'COM3', protocol: 'r2000', pollMs: 500, watchdogMs: 900 })).toEqual({ path: 'watchdogMs', message: '须至少为轮询间隔的两倍（1000 毫秒）' });
    expect(problem({ transport: 'COM3', protocol: 'r2000', pollMs: 2000 })).toEqual({ path: 'watchdogMs', message: '须至少为轮询间隔的两倍（4000 毫秒）' });
    expect(problem({ transport: 'COM3', protocol: 'r2000', pollMs: 500, watchdogMs: 1000 })).toBeNull();
    expect(() => parseReaderConfig({ id: 'R', room: null, role: 'exit', transport: 'COM3', protocol: 'r2000', pollMs: 500, watchdogMs: 900 })).toThrow(/watchdogMs/);
  });
});
