/**
 * `storage.local` cannot hold a CryptoKey (Firefox silently stores nothing), so the signing key's
 * row is written with its keys as bytes: the private key as PKCS #8, the public key raw. That
 * needs the private key to be created extractable in this mode (the store opener does). Rows read
 * back get a non-extractable private key in memory; its bytes are remembered here by row id, so
 * the row can be written again (e.g. retired) without ever being exported again.
 */
const PKCS8 = '$pkcs8';
const RAW = '$raw';

type Bytes = Uint8Array<ArrayBuffer>;

export class KeyCodec {
  private readonly pkcs8ById = new Map<string, Bytes>();

  async encode(row: Record<string, unknown>): Promise<Record<string, unknown>> {
    const out = { ...row };
    const id = String(row.id);
    if (row.privateKey instanceof CryptoKey) {
      let bytes = this.pkcs8ById.get(id);
      if (!bytes) {
        if (!row.privateKey.extractable)
          throw new Error('a non-extractable signing key cannot be kept in this storage');
        bytes = new Uint8Array(await crypto.subtle.exportKey('pkcs8', row.privateKey));
        this.pkcs8ById.set(id, bytes);
      }
      out.privateKey = { [PKCS8]: bytes };
    }
    if (row.publicKey instanceof CryptoKey)
      out.publicKey = {
        [RAW]: new Uint8Array(await crypto.subtle.exportKey('raw', row.publicKey)),
      };
    return out;
  }

  async decode(row: Record<string, unknown>): Promise<Record<string, unknown>> {
    const out = { ...row };
    const id = String(row.id);
    const priv = (row.privateKey as Record<string, unknown> | null | undefined)?.[PKCS8];
    if (priv instanceof Uint8Array) {
      const bytes = new Uint8Array(priv);
      this.pkcs8ById.set(id, bytes);
      out.privateKey = await crypto.subtle.importKey('pkcs8', bytes, { name: 'Ed25519' }, false, [
        'sign',
      ]);
    }
    const pub = (row.publicKey as Record<string, unknown> | null | undefined)?.[RAW];
    if (pub instanceof Uint8Array)
      out.publicKey = await crypto.subtle.importKey(
        'raw',
        new Uint8Array(pub),
        { name: 'Ed25519' },
        true,
        ['verify'],
      );
    return out;
  }

  forget(): void {
    this.pkcs8ById.clear();
  }
}
