import type { Command } from '../command';

/** Every command of `dalel`, in the order `--help` lists them. Add one line per command. */
export const commands: Command[] = [];
