/** What a command writes to; injected so tests can capture output without spawning a process. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

/**
 * Exit codes shared by every command: 0 fine, 1 the input was judged and failed, 2 unusable input
 * or usage, 3 (verify) every check passed but the signer is not confirmed by a pinned fingerprint.
 */
export const EXIT = { ok: 0, failed: 1, usage: 2, unconfirmed: 3 } as const;

export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(args: string[], io: Io): Promise<number>;
}

export class UsageError extends Error {}
