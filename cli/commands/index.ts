import type { Command } from '../command';
import { benchCommand } from './bench';
import { demoPackageCommand } from './demo-package';
import { extractCommand } from './extract';
import { lockerCommand } from './locker';
import { verifierCommand } from './verifier';
import { stampCommand } from './stamp';
import { verifyCommand } from './verify';

/** Every command of `dalel`, in the order `--help` lists them. Add one line per command. */
export const commands: Command[] = [
  extractCommand,
  verifyCommand,
  verifierCommand,
  demoPackageCommand,
  stampCommand,
  lockerCommand,
  benchCommand,
];
