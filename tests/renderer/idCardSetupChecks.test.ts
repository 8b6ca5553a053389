// The set-up page's own check of the desk's 身份证阅读器, before anything is sent: the driver's
// limits in Chinese at each field, on the readers' tab.
import { describe, expect, it } from 'vitest';
import { emptyDraft } from '../../common/areaSetup.js';
import { TRANSPORT_HINT_ZH } from '../../common/readerLink.js';
import { checkDraft, partOf } from '../../renderer/src/screens/setup/draftChecks.js';

describe('the ID-card reader in the page\'s check', () => {
  it('is checked by the page at each field of the readers\' part, before anything is sent', () => {
    const draft = { ...emptyDraft(), idCardReader: { transport: 'ttyUSB0', pollMs: 2000 } };
    expect(checkDraft(draft, ['readers'], new Set(), new Set())).toEqual([
      { field: 'idCardReader.transport', message: TRANSPORT_HINT_ZH },
      { field: 'idCardReader.watchdogMs', message: '须至少为轮询间隔的两倍（4000 毫秒）' },
    ]);
    expect(checkDraft({ ...draft, idCardReader: { transport: 'COM3' } }, ['readers'], new Set(), new Set())).toEqual([]);
    expect(partOf('idCardReader.watchdogMs')).toBe('readers');
    expect(partOf('deskReader.transport')).toBe('readers');
  });

});
