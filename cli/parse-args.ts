import { UsageError } from './command';

export type OptionSpec = Record<string, 'string' | 'strings' | 'boolean' | 'number'>;

/**
 * `--name value`, `--name=value` and boolean `--flag` options; `strings` options may repeat and
 * collect into an array; everything else is positional.
 */
export function parseArgs(
  args: readonly string[],
  spec: OptionSpec,
): { positional: string[]; options: Record<string, string | string[] | number | boolean> } {
  const positional: string[] = [];
  const options: Record<string, string | string[] | number | boolean> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    const kind = spec[name];
    if (!kind) throw new UsageError(`unknown option --${name}`);
    if (kind === 'boolean') {
      options[name] = true;
      continue;
    }
    const value = inline ?? args[++i];
    if (value === undefined) throw new UsageError(`--${name} needs a value`);
    if (kind === 'number') {
      const n = Number(value);
      if (!Number.isFinite(n) || n <= 0)
        throw new UsageError(`--${name}: "${value}" is not a positive number`);
      options[name] = n;
    } else if (kind === 'strings') {
      options[name] = [...((options[name] as string[] | undefined) ?? []), value];
    } else {
      options[name] = value;
    }
  }
  return { positional, options };
}
