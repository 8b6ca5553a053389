// `idcard simulate`: plays an ID-card reader on a serial path, placing each card in turn and
// lifting it again, for demos and tests. Status goes to stderr; the summary line to stdout.
import { IdCardSimulator } from '../../hardware/idcard/sim/simulator.js';
import { SAM_BAUD } from '../../hardware/idcard/framing.js';
import { serveOnSerial } from '../../hardware/rfid/sim/serialSimulator.js';
import type { IdCardSimulateArgs } from './idcardArgs.js';

export async function runIdCardSimulate(args: IdCardSimulateArgs, out: (line: string) => void, until: Promise<void>): Promise<number> {
  const simulator = new IdCardSimulator({ garbage: args.garbage, oneByteWrites: args.oneByteWrites });
  const served = serveOnSerial(args.port, args.baud ?? SAM_BAUD, simulator, (up, reason) => {
    process.stderr.write(`idcard simulate: ${args.port} ${up ? 'open' : `down (${reason})`}\n`);
  });
  let next = 0;
  let timer: NodeJS.Timeout | null = null;
  const place = (): void => {
    const card = args.cards[next++ % args.cards.length];
    if (card) simulator.place(card);
    timer = setTimeout(lift, args.holdMs);
  };
  const lift = (): void => {
    simulator.remove();
    timer = setTimeout(place, args.gapMs);
  };
  place();
  await until;
  if (timer) clearTimeout(timer);
  await served.stop();
  out(JSON.stringify({ at: new Date().toISOString(), summary: { ...simulator.stats, cardsPlaced: next } }));
  return 0;
}
