import type { Command } from '../command';
import { extractCommand } from './extract';

/** Every command of `dalel`, in the order `--help` lists them. Add one line per command. */
export const commands: Command[] = [extractCommand];
