// Arguments of `npm run idcard -- listen|simulate …`, checked in full before anything opens a
// port: a mistake is a UsageError that names the option at fault (exit status 2).
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { isCalendarDate } from '../../common/dates.js';
import { NO_END, type IdCard } from '../../common/idCard.js';
import { nationName } from '../../common/nations.js';
import { GENDERS } from '../../common/vocab.js';
import { encodeCardText } from '../../hardware/idcard/cardText.js';
import { DEMO_CARDS } from '../../hardware/idcard/sim/demoCards.js';
import { parseTransport } from '../../hardware/rfid/transport.js';
import { parseArgs, UsageError } from './args.js';
import { portOf, positiveInt } from './rfidArgs.js';

export const IDCARD_USAGE = `usage:
  npm run idcard -- listen --port PATH|tcp://HOST:PORT [--baud N]
  npm run idcard -- simulate --port PATH [--baud N] [--cards FILE.json] [--hold-ms N] [--gap-ms N]
                   [--garbage] [--one-byte-writes]
  (prefer /dev/serial/by-id/… paths; simulate places each card in turn for --hold-ms (3000),
   lifts it for --gap-ms (2000), and starts again; FILE.json is a list of cards as listen prints them)`;

export interface IdCardListenArgs {
  command: 'listen';
  transport: string;
  baud: number | null;
}

export interface IdCardSimulateArgs {
  command: 'simulate';
  port: string;
  baud: number | null;
  cards: IdCard[];
  holdMs: number;
  gapMs: number;
  garbage: boolean;
  oneByteWrites: boolean;
}

export type IdCardArgs = IdCardListenArgs | IdCardSimulateArgs;

const LISTEN_OPTIONS = { port: 'string', baud: 'string' } as const;
const SIMULATE_OPTIONS = { ...LISTEN_OPTIONS, cards: 'string', 'hold-ms': 'string', 'gap-ms': 'string', garbage: 'boolean', 'one-byte-writes': 'boolean' } as const;

const date = z.string().refine(isCalendarDate, 'must be a date YYYY-MM-DD');
/** A card as `listen` prints it; `at` is allowed (a captured line) and ignored, nationName is derived. */
const cardSchema = z.object({
  at: z.string().optional(),
  name: z.string().min(1), gender: z.enum(GENDERS), nation: z.string().refine((n) => nationName(n) !== null, 'must be a GB/T 3304 code'),
  nationName: z.string().optional(), birthDate: date, address: z.string().min(1), idNumber: z.string().regex(/^\d{17}[\dX]$/, 'must be 17 digits and a check character'),
  authority: z.string().min(1), validFrom: date, validUntil: z.union([z.literal(NO_END), date]),
}).strict();

function cardsOf(file: string | undefined): IdCard[] {
  if (file === undefined) return [...DEMO_CARDS];
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UsageError(`--cards ${file}: ${(err as Error).message}`);
  }
  const list = z.array(cardSchema).min(1).safeParse(raw);
  if (!list.success) {
    const issue = list.error.issues[0];
    throw new UsageError(`--cards ${file}: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid'} (a list of cards as listen prints them)`);
  }
  return list.data.map((c, i) => {
    const { at: _at, nationName: _name, ...rest } = c;
    const card: IdCard = { ...rest, nationName: nationName(c.nation) ?? '' };
    try {
      encodeCardText(card);
    } catch (err) {
      throw new UsageError(`--cards ${file}: card ${i + 1}: ${(err as Error).message}`);
    }
    return card;
  });
}

function serialPortOf(value: string | undefined): string {
  const port = portOf(value);
  if (parseTransport(port)?.kind !== 'serial') throw new UsageError(`--port "${port}": simulate serves a serial path only`);
  return port;
}

export function parseIdCardArgs(argv: readonly string[]): IdCardArgs {
  const [command, ...rest] = argv;
  switch (command) {
    case 'listen': {
      const { positional, options } = parseArgs(rest, LISTEN_OPTIONS);
      if (positional.length > 0) throw new UsageError(`unexpected argument "${positional[0]}"`);
      return { command, transport: portOf(options.port), baud: positiveInt(options.baud, 'baud', 4_000_000) };
    }
    case 'simulate': {
      const { positional, options } = parseArgs(rest, SIMULATE_OPTIONS);
      if (positional.length > 0) throw new UsageError(`unexpected argument "${positional[0]}"`);
      return {
        command,
        port: serialPortOf(options.port),
        baud: positiveInt(options.baud, 'baud', 4_000_000),
        cards: cardsOf(options.cards),
        holdMs: positiveInt(options['hold-ms'], 'hold-ms', 3_600_000) ?? 3000,
        gapMs: positiveInt(options['gap-ms'], 'gap-ms', 3_600_000) ?? 2000,
        garbage: options.garbage === true,
        oneByteWrites: options['one-byte-writes'] === true,
      };
    }
    case undefined:
      throw new UsageError('missing command (listen or simulate)');
    default:
      throw new UsageError(`unknown command "${command}" (expected listen or simulate)`);
  }
}
