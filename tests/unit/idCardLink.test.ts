// The desk's 身份证阅读器 on the set-up page: a connection the page accepts is one the driver can
// open (hardware/idcard/config.ts), and what the driver would refuse the page says in Chinese at
// its field — in the API's 400 (the page's own check: tests/renderer/idCardSetupChecks.test.ts), in a file being imported and in the
// settings file read at start.
import { describe, expect, it } from 'vitest';
import { emptyDraft, idCardConnectionSchema } from '../../common/areaSetup.js';
import { TRANSPORT_HINT_ZH } from '../../common/readerLink.js';
import { draftOfFile } from '../../common/setupFile.js';
import { parseIdCardReaderConfig } from '../../hardware/idcard/config.js';
import { parseApiArg } from '../../main/api/service.js';
import { ConfigError } from '../../main/host/config.js';
import { devicesOf, settingsSchema, withDevices } from '../../main/host/settingsFile.js';

const problem = (raw: unknown): { path: string; message: string } | null => {
  const r = idCardConnectionSchema.safeParse(raw);
  const issue = r.success ? undefined : r.error.issues[0];
  return issue ? { path: issue.path.join('.'), message: issue.message } : null;
};
const driverRefuses = (raw: unknown): boolean => {
  try {
    parseIdCardReaderConfig(raw, 'D');
    return false;
  } catch {
    return true;
  }
};

const TRANSPORT_ZH = TRANSPORT_HINT_ZH;

describe('the ID-card reader\'s connection on the set-up page', () => {
  it.each([
    [{ transport: '/dev/serial/by-id/usb-CVR-100U-if00' }],
    [{ transport: 'COM3', baud: 9600 }],
    [{ transport: 'tcp://10.0.0.5:4001', pollMs: 50, watchdogMs: 500 }],
    [{ transport: 'COM4', baud: 1200, pollMs: 10_000, watchdogMs: 20_000 }],
    [{ transport: 'COM5', baud: 4_000_000, watchdogMs: 3_600_000 }],
  ])('accepts %j, as the driver does', (raw) => {
    expect(problem(raw)).toBeNull();
    expect(driverRefuses(raw)).toBe(false);
  });

  it.each([
    [{ transport: 'ttyUSB0' }, 'transport', TRANSPORT_ZH],
    [{ transport: 'tcp://10.0.0.5:70000' }, 'transport', TRANSPORT_ZH],
    [{ transport: '' }, 'transport', '不能为空'],
    [{ transport: 'COM3', baud: 600 }, 'baud', '不能小于 1200'],
    [{ transport: 'COM3', baud: 5_000_000 }, 'baud', '不能大于 4000000'],
    [{ transport: 'COM3', baud: 9600.5 }, 'baud', '须为整数'],
    [{ transport: 'COM3', baud: Number.NaN }, 'baud', '须为整数'],
    [{ transport: 'COM3', pollMs: 20 }, 'pollMs', '不能小于 50'],
    [{ transport: 'COM3', pollMs: 20_000 }, 'pollMs', '不能大于 10000'],
    [{ transport: 'COM3', watchdogMs: 400 }, 'watchdogMs', '不能小于 500'],
    [{ transport: 'COM3', pollMs: 2000 }, 'watchdogMs', '须至少为轮询间隔的两倍（4000 毫秒）'],
    [{ transport: 'COM3', pollMs: 500, watchdogMs: 900 }, 'watchdogMs', '须至少为轮询间隔的两倍（1000 毫秒）'],
  ])('refuses %j at %s in Chinese, as the driver would', (raw, path, message) => {
    expect(problem(raw)).toEqual({ path, message });
    expect(driverRefuses(raw)).toBe(true);
  });

  it('refuses a field the driver does not know', () => {
    const raw = { transport: 'COM3', protocol: 'sam' };
    expect(idCardConnectionSchema.safeParse(raw).success).toBe(false);
    expect(driverRefuses(raw)).toBe(true);
  });

  it('is refused by the API with a 400 naming the field, and a draft without it means none', () => {
    const draft = { ...emptyDraft(), area: { id: 'A', name: '甲' } };
    expect(() => parseApiArg('saveArea', { draft: { ...draft, idCardReader: { transport: 'COM3', baud: 600 } } }))
      .toThrow(/draft\.idCardReader\.baud 不能小于 1200/);
    const { idCardReader: _none, ...without } = draft;
    expect(parseApiArg('previewArea', { draft: without }).draft.idCardReader).toBeNull();
  });

  it('is imported from a set-up file, and a wrong one in the file is said', () => {
    expect(draftOfFile({ area: { area: { id: 'A', name: '甲' }, rooms: [] }, idCardReader: { transport: 'COM3', baud: 9600 } }).idCardReader)
      .toEqual({ transport: 'COM3', baud: 9600 });
    expect(() => draftOfFile({ area: { area: { id: 'A', name: '甲' } }, idCardReader: { transport: 'COM3', pollMs: 5 } })).toThrow('身份证阅读器：pollMs 不能小于 50');
  });

  it('is kept in the settings file beside the other connections, and a wrong one stops the start with what is wrong', () => {
    const base = settingsSchema.parse({});
    const devices = { ...devicesOf(base), idCardReader: { transport: 'COM3', pollMs: 100 } };
    const written = withDevices(base, devices);
    expect(written.idCardReader).toEqual({ transport: 'COM3', pollMs: 100 });
    expect(devicesOf(written).idCardReader).toEqual({ transport: 'COM3', pollMs: 100 });
    expect(withDevices(written, { ...devices, idCardReader: null })).not.toHaveProperty('idCardReader');
    const wrong = settingsSchema.parse({ idCardReader: { transport: 'COM3', watchdogMs: 100 } });
    expect(() => devicesOf(wrong)).toThrow(ConfigError);
    expect(() => devicesOf(wrong)).toThrow('idCardReader：watchdogMs 不能小于 500');
  });
});
