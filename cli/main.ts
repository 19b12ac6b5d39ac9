import { EXIT, UsageError, type Io } from './command';
import { commands } from './commands/index';

const consoleIo: Io = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

export function helpText(): string {
  const width = Math.max(0, ...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'dalel — evidence capture tools (extract, verify, packages, benchmarks)',
    '',
    'Usage: dalel <command> [options]',
    '',
    'Commands:',
    ...(lines.length ? lines : ['  (none yet)']),
    '',
    'Run `dalel <command> --help` for the options of one command.',
  ].join('\n');
}

export async function main(argv: string[], io: Io = consoleIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(helpText());
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`dalel: unknown command "${name}"\n\n${helpText()}`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`dalel ${name}: ${error.message}\n\n${command.usage}`);
      return EXIT.usage;
    }
    io.err(`dalel ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.usage;
  }
}
