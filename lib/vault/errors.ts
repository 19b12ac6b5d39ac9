import { ReasonedError } from '../i18n/reason';

/** The passphrase did not open the vault: the AES-GCM tag of the wrapped data key failed (K3). */
export class WrongPassphraseError extends ReasonedError {
  constructor() {
    super('vaultWrongPassphrase');
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
export class VaultDataError extends ReasonedError {
  constructor(what: string) {
    super('fail_vault_data', what);
    this.name = 'VaultDataError';
  }
}
