import type { Hashers } from '../../locker/digest';
import type { PackageFile } from '../../locker/queue-item';

/** A package file being written for the locker. */
export interface PackageWriter {
  file: PackageFile;
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}

/** Where queued package files live (OPFS `locker/` and `exports/` in the extension; a folder in Node). */
export interface LockerFiles {
  create(): Promise<PackageWriter>;
  /** The file as a disk-backed Blob, or null when it is gone (lock closed, newer export, wipe). */
  open(file: PackageFile): Promise<Blob | null>;
  remove(file: PackageFile): Promise<void>;
}

export interface LockerProgressEvent {
  type: 'locker.progress';
  itemId: string;
  sent: number;
  total: number;
}

/** What the locker service needs from its surroundings; the background gives browser ones. */
export interface LockerPorts {
  files: LockerFiles;
  fetch: typeof fetch;
  now: () => Date;
  tool: { name: string; version: string };
  hashers?: Hashers;
  broadcast(event: LockerProgressEvent): void;
  /** True when the extension may reach these origins (optional host permissions). */
  hasOrigins(origins: string[]): Promise<boolean>;
  /** Wake the queue again at this time (an alarm in the extension); null cancels. */
  schedule(at: number | null): Promise<void>;
  /** Called now and then during long uploads so the browser does not stop the worker. */
  keepAlive?(): Promise<void>;
  /** Tests: faster stall detection and smaller parts. */
  upload?: { stallMs?: number; concurrency?: number; partSize?: number };
}
