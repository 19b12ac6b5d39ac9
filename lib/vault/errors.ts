/** The passphrase did not open the vault: the AES-GCM tag of the wrapped data key failed (K3). */
export class WrongPassphraseError extends Error {
  constructor() {
    super('Wrong passphrase: the vault stays locked.');
    this.name = 'WrongPassphraseError';
  }
}

/** The vault is locked: encrypted records cannot be read or written until it is unlocked. */
export class VaultLockedError extends Error {
  constructor(what = 'the archive') {
    super(`Dalel is locked: unlock it with the passphrase to use ${what}.`);
    this.name = 'VaultLockedError';
  }
}

/** Stored ciphertext failed authentication: it was altered, truncated or moved. */
export class VaultDataError extends Error {
  constructor(what: string) {
    super(`Encrypted data failed its integrity check: ${what}`);
    this.name = 'VaultDataError';
  }
}
