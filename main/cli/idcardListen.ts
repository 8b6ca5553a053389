// `idcard listen`: one JSON line per card placed (not again while it stays), one per status
// change, then a summary. For installers checking a reader's wiring, port and baud rate.
import type { IdCard } from '../../common/idCard.js';
import { parseIdCardReaderConfig } from '../../hardware/idcard/config.js';
import { IdCardReader } from '../../hardware/idcard/reader.js';
import type { IdCardListenArgs } from './idcardArgs.js';

const iso = (ms: number): string => new Date(ms).toISOString();

/** The line for a card: these keys in this order (other tools read it). */
export function cardLine(at: number, c: IdCard): string {
  return JSON.stringify({
    at: iso(at), name: c.name, gender: c.gender, nation: c.nation, nationName: c.nationName, birthDate: c.birthDate,
    address: c.address, idNumber: c.idNumber, authority: c.authority, validFrom: c.validFrom, validUntil: c.validUntil,
  });
}

export async function runIdCardListen(args: IdCardListenArgs, out: (line: string) => void, until: Promise<void>): Promise<number> {
  const config = parseIdCardReaderConfig({ transport: args.transport, ...(args.baud === null ? {} : { baud: args.baud }) }, 'listen');
  const reader = new IdCardReader(config, {
    cardRead: (r) => out(cardLine(r.at, r.card)),
    deviceStatus: (_reader, online, at, reason) => out(JSON.stringify({ at: iso(at), status: online ? 'online' : 'offline', reason })),
  });
  reader.start();
  await until;
  await reader.stop();
  const s = reader.status();
  out(JSON.stringify({ at: iso(Date.now()), summary: { framesDecoded: s.framesDecoded, badFrames: s.badFrames, badReads: s.badReads, cards: s.cardsRead } }));
  return 0;
}
