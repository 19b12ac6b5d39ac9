// Building an RFC 3161 TimeStampReq: ~70 bytes of DER. certReq is always set, so the token
// carries the TSA's certificate and `openssl ts -verify -CAfile <root>` works without -untrusted.
import { bool, int, nullDer, octetString, oidBytes, seq } from './der';
import { OID } from './oids';

export function timeStampRequest(sha256: Uint8Array, nonce: Uint8Array): Uint8Array {
  if (sha256.length !== 32) throw new Error('a SHA-256 digest is 32 bytes');
  return seq(
    int(1),
    seq(seq(oidBytes(OID.sha256), nullDer()), octetString(sha256)),
    int(nonce),
    bool(true),
  );
}

/** A random 64-bit nonce, top bit clear (a positive INTEGER of at most 8 bytes). */
export function newNonce(): Uint8Array {
  const nonce = crypto.getRandomValues(new Uint8Array(8));
  nonce[0] = (nonce[0]! & 0x7f) | 0x01;
  return nonce;
}
