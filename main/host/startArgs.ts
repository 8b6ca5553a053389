// The station's start-up options, the same for `npm run station`, `npm start` and the desk app:
// where the data folder is, which configuration file, the port, LAN access.
import { parseArgs, UsageError } from '../cli/args.js';

export const START_USAGE = '[--config FILE] [--data DIR] [--port N] [--lan] [--bind ADDRESS] [--example] [--rebuild] [--restore BACKUP]';

export interface StartArgs {
  readonly config?: string;
  readonly data?: string;
  readonly port?: number;
  /** LAN access for this run, whatever the configuration says. */
  readonly lan: boolean;
  /** The address to listen on instead of the default (127.0.0.1, or every interface with LAN access). */
  readonly bind?: string;
  /** Build the pages again before serving them (development). */
  readonly rebuild: boolean;
  /** Open the example area's record (demo/) for this run: training and demonstrations. */
  readonly example: boolean;
  /** A verified backup to put in place of a lost or damaged record before starting. */
  readonly restore?: string;
}

const KINDS = { config: 'string', data: 'string', port: 'string', lan: 'boolean', bind: 'string', rebuild: 'boolean', restore: 'string', example: 'boolean' } as const;

export function parseStartArgs(argv: readonly string[]): StartArgs {
  const { positional, options } = parseArgs(argv, KINDS);
  if (positional.length) throw new UsageError(`unexpected argument ${positional[0] ?? ''}`);
  let port: number | undefined;
  if (options.port !== undefined) {
    port = Number(options.port);
    if (!/^\d+$/.test(options.port) || port > 65535) throw new UsageError(`--port must be a whole number 0–65535, got ${options.port}`);
  }
  return {
    ...(options.config !== undefined ? { config: options.config } : {}),
    ...(options.data !== undefined ? { data: options.data } : {}),
    ...(port !== undefined ? { port } : {}),
    ...(options.bind !== undefined ? { bind: options.bind } : {}),
    ...(options.restore !== undefined ? { restore: options.restore } : {}),
    lan: options.lan ?? false,
    rebuild: options.rebuild ?? false,
    example: options.example ?? false,
  };
}

/**
 * The station's own options out of a desk app's command line, which also carries Chromium's
 * switches (--no-sandbox, --disable-gpu, …) and, in development, the app's folder.
 */
export function stationArgsOf(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const name = /^--([\w-]+)(=|$)/.exec(a)?.[1];
    if (name === undefined || !(name in KINDS) || name === 'rebuild') continue;
    out.push(a);
    const takesValue = KINDS[name as keyof typeof KINDS] === 'string' && !a.includes('=');
    if (takesValue && i + 1 < argv.length) out.push(argv[++i] ?? '');
  }
  return out;
}

/**
 * The options of a restart on the other record (the person chose it on the page): the same data
 * folder, address and port — `port` is the one actually listened on, so that the page finds the
 * station again — without what belongs to the first start only (the configuration to import, a
 * backup to restore, --example, which the choice now overrides).
 */
export function reopenArgs(argv: readonly string[], port: number | null): string[] {
  const a = parseStartArgs(argv);
  return [
    ...(a.data !== undefined ? ['--data', a.data] : []),
    ...(port !== null ? ['--port', String(port)] : a.port !== undefined ? ['--port', String(a.port)] : []),
    ...(a.lan ? ['--lan'] : []),
    ...(a.bind !== undefined ? ['--bind', a.bind] : []),
  ];
}
