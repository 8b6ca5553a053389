// npm run idcard -- listen|simulate … (see IDCARD_USAGE). Ctrl-C / SIGTERM end either with a
// summary line and exit status 0; bad arguments exit 2.
import { untilSignal, UsageError } from './args.js';
import { IDCARD_USAGE, parseIdCardArgs, type IdCardArgs } from './idcardArgs.js';
import { runIdCardListen } from './idcardListen.js';
import { runIdCardSimulate } from './idcardSimulate.js';

async function main(): Promise<number> {
  let args: IdCardArgs;
  try {
    args = parseIdCardArgs(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`idcard: ${err.message}\n${IDCARD_USAGE}\n`);
    return 2;
  }
  const out = (line: string): void => void process.stdout.write(`${line}\n`);
  switch (args.command) {
    case 'listen': return runIdCardListen(args, out, untilSignal());
    case 'simulate': return runIdCardSimulate(args, out, untilSignal());
  }
}

main().then((code) => {
  process.exitCode = code;
}, (err: unknown) => {
  process.stderr.write(`idcard: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
