import type { Command } from '../command';
import { benchCommand } from './bench';
import { demoPackageCommand } from './demo-package';
import { verifyCommand } from './verify';

/** Every command of `dalel`, in the order `--help` lists them. Add one line per command. */
export const commands: Command[] = [verifyCommand, demoPackageCommand, benchCommand];
