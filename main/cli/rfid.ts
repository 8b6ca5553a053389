// npm run rfid -- listen|simulate … (see RFID_USAGE). Ctrl-C / SIGTERM end either with a
// summary line and exit status 0; bad arguments exit 2.
import { untilSignal, UsageError } from './args.js';
import { parseRfidArgs, RFID_USAGE, type RfidArgs } from './rfidArgs.js';
import { runListen } from './rfidListen.js';
import { runSimulate } from './rfidSimulate.js';

async function main(): Promise<number> {
  let args: RfidArgs;
  try {
    args = parseRfidArgs(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`rfid: ${err.message}\n${RFID_USAGE}\n`);
    return 2;
  }
  const out = (line: string): void => void process.stdout.write(`${line}\n`);
  switch (args.command) {
    case 'listen': return runListen(args, out, untilSignal());
    case 'simulate': return runSimulate(args, out, untilSignal());
  }
}

main().then((code) => {
  process.exitCode = code;
}, (err: unknown) => {
  process.stderr.write(`rfid: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
