import type { Command } from '../command';
import { benchCommand } from './bench';

/** Every command of `dalel`, in the order `--help` lists them. Add one line per command. */
export const commands: Command[] = [benchCommand];
