// `npm run idcard -- listen|simulate` as installers run them, as separate processes on a real
// pty pair: simulate places the cards of a file in turn, listen prints each card exactly once
// per placing in the documented line, and both end with a summary on SIGTERM.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { SocatPair } from '../../hardware/rfid/sim/socatPair.js';
import { RfidCli } from '../helpers/rfidCli.js';
import { LONG_NAME_X_CARD, UYGHUR_CARD } from '../helpers/idcards.js';

const SCRIPT = 'main/cli/idcard.ts';
const dir = mkdtempSync(join(tmpdir(), 'idcard-cli-'));
const clis: RfidCli[] = [];
let pair: SocatPair | null = null;
afterAll(async () => {
  for (const cli of clis) await cli.stop('SIGKILL');
  await pair?.close();
  rmSync(dir, { recursive: true, force: true });
});

const run = (args: string[]): RfidCli => {
  const cli = new RfidCli(args, SCRIPT);
  clis.push(cli);
  return cli;
};

describe('idcard tool', () => {
  test('listen prints each card placed by simulate, exactly, in the documented line; SIGTERM prints summaries', async () => {
    pair = await SocatPair.open();
    const cards = join(dir, 'cards.json');
    writeFileSync(cards, JSON.stringify([UYGHUR_CARD, { ...LONG_NAME_X_CARD, nationName: undefined }]));
    const listen = run(['listen', '--port', pair.a]);
    const simulate = run(['simulate', '--port', pair.b, '--cards', cards, '--hold-ms', '1200', '--gap-ms', '600', '--garbage']);
    // The first card again: the cycle has come round, and each placing printed once.
    await listen.waitForLine('both cards and the first again', () => listen.records.filter((r) => 'idNumber' in r).length >= 3, 60_000);
    expect(await simulate.stop('SIGTERM')).toBe(0);
    expect(await listen.stop('SIGTERM')).toBe(0);

    const cardLines = listen.lines.filter((l) => l.includes('"idNumber"'));
    const [first] = cardLines;
    expect(first).toMatch(/^\{"at":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z",/);
    expect(first?.replace(/^\{"at":"[^"]+",/, '{')).toBe(
      '{"name":"阿依古丽·买买提艾力·吐尔逊江","gender":"female","nation":"05","nationName":"维吾尔","birthDate":"1962-11-02",'
      + '"address":"新疆维吾尔自治区乌鲁木齐市天山区解放南路街道团结路社区幸福巷一百二十号","idNumber":"65010219621102128X",'
      + '"authority":"乌鲁木齐市公安局天山区分局","validFrom":"2015-01-09","validUntil":"长期"}',
    );
    const second = JSON.parse(cardLines[1] ?? '{}') as Record<string, unknown>;
    const { at: _at, ...rest } = second;
    expect(rest).toEqual(LONG_NAME_X_CARD);
    expect(JSON.parse(cardLines[2] ?? '{}')).toMatchObject({ idNumber: UYGHUR_CARD.idNumber });

    const statuses = listen.records.filter((r) => 'status' in r);
    expect(statuses[0]).toMatchObject({ status: 'online', reason: 'reader answered' });
    expect(listen.records.at(-1)).toMatchObject({ summary: { cards: cardLines.length, badReads: 0 } });
    expect(simulate.records.at(-1)).toMatchObject({ summary: { cardsPlaced: expect.any(Number) as number } });
  }, 90_000);

  test.each([
    [['listen'], /missing --port/],
    [['listen', '--port', 'ttyUSB0'], /--port "ttyUSB0" is not/],
    [['simulate', '--port', 'tcp://127.0.0.1:4001'], /simulate serves a serial path only/],
    [['simulate', '--port', '/dev/null', '--cards', '/nonexistent.json'], /--cards \/nonexistent\.json/],
    [['read'], /unknown command "read"/],
  ])('bad arguments %j exit 2 naming the problem', async (args, message) => {
    const cli = run(args);
    expect(await cli.exited).toBe(2);
    expect(cli.stderr).toMatch(message);
    expect(cli.stderr).toContain('usage:');
  }, 60_000);

  test('a cards file with a field beyond the card is refused, naming the card', async () => {
    const cards = join(dir, 'long.json');
    writeFileSync(cards, JSON.stringify([{ ...UYGHUR_CARD, address: '北'.repeat(36) }]));
    const cli = run(['simulate', '--port', '/dev/null', '--cards', cards]);
    expect(await cli.exited).toBe(2);
    expect(cli.stderr).toMatch(/card 1: card field address is longer than 35 characters/);
  }, 60_000);
});
