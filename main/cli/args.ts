// A small, strict argument parser for the station's command-line tools: unknown options are
// errors that name the option, so a typo never silently runs with defaults.
export type OptionKinds = Record<string, 'string' | 'boolean'>;

export interface ParsedArgs<K extends OptionKinds> {
  positional: string[];
  options: { [N in keyof K]?: K[N] extends 'string' ? string : boolean };
}

export class UsageError extends Error {}

export function parseArgs<K extends OptionKinds>(argv: readonly string[], kinds: K): ParsedArgs<K> {
  const positional: string[] = [];
  const options: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
    const kind = kinds[name];
    if (!kind) throw new UsageError(`unknown option --${name}`);
    if (kind === 'boolean') options[name] = true;
    else {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`option --${name} needs a value`);
      options[name] = value;
    }
  }
  return { positional, options: options as ParsedArgs<K>['options'] };
}

/** Resolves on Ctrl-C or SIGTERM: the long-running tools then stop and print their summary. */
export function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
