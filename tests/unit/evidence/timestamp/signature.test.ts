import { beforeAll, describe, expect, it } from 'vitest';
import {
  bitStringBytes,
  ctx,
  int,
  nullDer,
  oidBytes,
  parseDer,
  Reader,
  seq,
  TAG,
  tlv,
} from '../../../../lib/evidence/timestamp/der';
import { OID } from '../../../../lib/evidence/timestamp/oids';
import {
  bitLength,
  ecdsaRaw,
  UnsupportedAlgorithm,
  verifySignature,
} from '../../../../lib/evidence/timestamp/signature';
import { algorithmId, type Certificate } from '../../../../lib/evidence/timestamp/x509';

// The signature rules of trusted time, each against a key WebCrypto made here: what is accepted,
// what is refused with a reason, and what is simply a wrong signature (false, never a throw).

const data = new TextEncoder().encode('the signed attributes of a time-stamp token');
const other = new TextEncoder().encode('the signed attributes of another token');

/** The signer as verifySignature reads it: only its key (the SPKI and what it holds). */
function signerOf(spki: Uint8Array, keyAlgorithm?: Certificate['keyAlgorithm']): Certificate {
  const r = new Reader(parseDer(spki));
  const algorithm = algorithmId(r.take(TAG.sequence, 'algorithm'));
  const publicKey = bitStringBytes(r.take(TAG.bitString, 'subjectPublicKey'));
  return { spki, keyAlgorithm: keyAlgorithm ?? algorithm, publicKey } as Certificate;
}

async function spkiOf(key: CryptoKey): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.exportKey('spki', key));
}

const alg = (oid: string, params: Uint8Array | null = null) => ({
  oid,
  params: params ? parseDer(params) : null,
});
const digestAlg = (oid: string) => seq(oidBytes(oid), nullDer());

async function rsaKeys(bits: number, name: 'RSASSA-PKCS1-v1_5' | 'RSA-PSS', hash = 'SHA-256') {
  return (await crypto.subtle.generateKey(
    { name, modulusLength: bits, publicExponent: new Uint8Array([1, 0, 1]), hash },
    true,
    ['sign', 'verify'],
  )) as CryptoKeyPair;
}

/** WebCrypto's r‖s as the DER ECDSA-Sig-Value a CMS signature carries. */
function ecdsaDer(raw: Uint8Array): Uint8Array {
  const half = raw.length / 2;
  return seq(int(raw.subarray(0, half)), int(raw.subarray(half)));
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'refused').toBeInstanceOf(UnsupportedAlgorithm);
  return (error as Error).message;
}

describe('RSA PKCS#1 v1.5', () => {
  let keys: Record<'SHA-256' | 'SHA-384' | 'SHA-512', { signer: Certificate; sig: Uint8Array }>;
  let ecSigner: Certificate;
  beforeAll(async () => {
    const pair = await rsaKeys(2048, 'RSASSA-PKCS1-v1_5');
    const signer = signerOf(await spkiOf(pair.publicKey));
    const sign = async (hash: string) => {
      const key = await crypto.subtle.importKey(
        'pkcs8',
        await crypto.subtle.exportKey('pkcs8', pair.privateKey),
        { name: 'RSASSA-PKCS1-v1_5', hash },
        false,
        ['sign'],
      );
      return {
        signer,
        sig: new Uint8Array(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', key, data)),
      };
    };
    keys = {
      'SHA-256': await sign('SHA-256'),
      'SHA-384': await sign('SHA-384'),
      'SHA-512': await sign('SHA-512'),
    };
    const ec = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
      'sign',
      'verify',
    ])) as CryptoKeyPair;
    ecSigner = signerOf(await spkiOf(ec.publicKey));
  });

  it('accepts each sha*WithRSAEncryption over the signed bytes, and nothing else', async () => {
    for (const [oid, hash] of [
      [OID.sha256WithRsa, 'SHA-256'],
      [OID.sha384WithRsa, 'SHA-384'],
      [OID.sha512WithRsa, 'SHA-512'],
    ] as const) {
      const { signer, sig } = keys[hash];
      expect(await verifySignature(signer, alg(oid), sig, data), oid).toBe(true);
      expect(await verifySignature(signer, alg(oid), sig, other), `${oid} other data`).toBe(false);
    }
    // A SHA-256 signature named as SHA-384 is wrong, not unsupported.
    const { signer, sig } = keys['SHA-256'];
    expect(await verifySignature(signer, alg(OID.sha384WithRsa), sig, data)).toBe(false);
  });

  it('rsaEncryption takes its digest from the separately named digest algorithm', async () => {
    const { signer, sig } = keys['SHA-512'];
    expect(await verifySignature(signer, alg(OID.rsaEncryption), sig, data, OID.sha512)).toBe(true);
    expect(await verifySignature(signer, alg(OID.rsaEncryption), sig, data, OID.sha256)).toBe(
      false,
    );
    expect(await refusal(verifySignature(signer, alg(OID.rsaEncryption), sig, data))).toBe(
      'RSA signature without a digest algorithm',
    );
  });

  it('refuses SHA-1 as the named digest, even beside an algorithm that names its own', async () => {
    const { signer, sig } = keys['SHA-256'];
    for (const algorithm of [OID.rsaEncryption, OID.sha256WithRsa])
      expect(await refusal(verifySignature(signer, alg(algorithm), sig, data, OID.sha1))).toBe(
        `digest algorithm ${OID.sha1} is not accepted`,
      );
    expect(await refusal(verifySignature(signer, alg(OID.sha1WithRsa), sig, data))).toBe(
      `signature algorithm ${OID.sha1WithRsa} is not accepted`,
    );
  });

  it('refuses an RSA signature by an EC key, and an RSA key without a modulus', async () => {
    const { sig } = keys['SHA-256'];
    expect(await refusal(verifySignature(ecSigner, alg(OID.sha256WithRsa), sig, data))).toBe(
      'RSA signature by a non-RSA key',
    );
    const hollow = { ...keys['SHA-256'].signer, publicKey: seq() } as Certificate;
    expect(await refusal(verifySignature(hollow, alg(OID.sha256WithRsa), sig, data))).toBe(
      'malformed key or parameters: RSA public key without a modulus',
    );
  });
});

describe('RSA key size', () => {
  it('counts a modulus in exact bits', () => {
    expect(bitLength(new Uint8Array([0x00, 0x80, 0, 0]))).toBe(24);
    expect(bitLength(new Uint8Array([0x7f, 0xff]))).toBe(15);
    expect(bitLength(new Uint8Array([0x01]))).toBe(1);
    expect(bitLength(new Uint8Array([0x00]))).toBe(0);
    // Leading zero bytes, however many, count for nothing.
    expect(bitLength(new Uint8Array([0x00, 0x00, 0x01]))).toBe(1);
    expect(bitLength(new Uint8Array([]))).toBe(0);
  });

  it('refuses keys under 2048 bits, a 2047-bit one included; 2048 is enough', async () => {
    for (const bits of [1024, 2040, 2047]) {
      const pair = await rsaKeys(bits, 'RSASSA-PKCS1-v1_5');
      const sig = new Uint8Array(
        await crypto.subtle.sign('RSASSA-PKCS1-v1_5', pair.privateKey, data),
      );
      const signer = signerOf(await spkiOf(pair.publicKey));
      expect(await refusal(verifySignature(signer, alg(OID.sha256WithRsa), sig, data))).toBe(
        `RSA key of ${bits} bits is too weak (minimum 2048)`,
      );
    }
  }, 30_000);
});

describe('RSA-PSS parameters', () => {
  let signer: Certificate;
  let sign: (saltLength: number, hash?: string) => Promise<Uint8Array>;
  beforeAll(async () => {
    const pair = await rsaKeys(2048, 'RSA-PSS');
    signer = signerOf(await spkiOf(pair.publicKey));
    const pkcs8 = await crypto.subtle.exportKey('pkcs8', pair.privateKey);
    sign = async (saltLength, hash = 'SHA-256') => {
      const key = await crypto.subtle.importKey('pkcs8', pkcs8, { name: 'RSA-PSS', hash }, false, [
        'sign',
      ]);
      return new Uint8Array(await crypto.subtle.sign({ name: 'RSA-PSS', saltLength }, key, data));
    };
  });

  const pss = (fields: {
    hash?: string | null;
    mgf?: Uint8Array | null;
    salt?: number | null;
    trailer?: number | null;
    extra?: Uint8Array;
  }) =>
    alg(
      OID.rsaPss,
      seq(
        ...(fields.hash === null ? [] : [tlv(ctx(0), digestAlg(fields.hash ?? OID.sha256))]),
        ...(fields.mgf === null
          ? []
          : [tlv(ctx(1), fields.mgf ?? seq(oidBytes(OID.mgf1), digestAlg(OID.sha256)))]),
        ...(fields.salt == null ? [] : [tlv(ctx(2), int(fields.salt))]),
        ...(fields.trailer == null ? [] : [tlv(ctx(3), int(fields.trailer))]),
        ...(fields.extra ? [fields.extra] : []),
      ),
    );

  it('accepts SHA-256 with MGF1-SHA-256, the salt it names and trailer 1', async () => {
    const sig = await sign(32);
    expect(await verifySignature(signer, pss({ salt: 32 }), sig, data)).toBe(true);
    expect(await verifySignature(signer, pss({ salt: 32, trailer: 1 }), sig, data)).toBe(true);
    expect(await verifySignature(signer, pss({ salt: 32 }), sig, other)).toBe(false);
    // The salt length is part of the check.
    expect(await verifySignature(signer, pss({ salt: 20 }), sig, data)).toBe(false);
    // One longer than a 2048-bit key can hold makes WebCrypto throw: still just a wrong signature.
    expect(await verifySignature(signer, pss({ salt: 300 }), sig, data)).toBe(false);
  });

  it('an absent salt length means 20 bytes', async () => {
    const sig = await sign(20);
    expect(await verifySignature(signer, pss({}), sig, data)).toBe(true);
    expect(await verifySignature(signer, pss({ salt: 32 }), sig, data)).toBe(false);
  });

  it('accepts SHA-512 when its mask generation is MGF1-SHA-512', async () => {
    const sig = await sign(64, 'SHA-512');
    const mgf = seq(oidBytes(OID.mgf1), digestAlg(OID.sha512));
    expect(await verifySignature(signer, pss({ hash: OID.sha512, mgf, salt: 64 }), sig, data)).toBe(
      true,
    );
  });

  it('refuses default parameters, SHA-1 and a mask generation other than its digest', async () => {
    const sig = await sign(32);
    const cases: [ReturnType<typeof alg>, string][] = [
      [alg(OID.rsaPss), 'RSA-PSS with default (SHA-1) parameters'],
      [pss({ hash: null, salt: 32 }), `RSA-PSS with digest ${OID.sha1}`],
      [pss({ hash: OID.sha1, salt: 32 }), `RSA-PSS with digest ${OID.sha1}`],
      [pss({ mgf: null, salt: 32 }), 'RSA-PSS with the default MGF1-SHA-1'],
      [
        pss({ mgf: seq(oidBytes(OID.mgf1), digestAlg(OID.sha512)), salt: 32 }),
        'RSA-PSS whose mask generation differs from its digest',
      ],
      // Another mask generation function, even over the same digest.
      [
        pss({ mgf: seq(oidBytes(OID.sha256), digestAlg(OID.sha256)), salt: 32 }),
        'RSA-PSS whose mask generation differs from its digest',
      ],
      [
        pss({ mgf: seq(oidBytes(OID.mgf1)), salt: 32 }),
        'RSA-PSS whose mask generation differs from its digest',
      ],
      [pss({ salt: 32, trailer: 2 }), 'RSA-PSS trailer field other than 1'],
    ];
    for (const [algorithm, message] of cases)
      expect(await refusal(verifySignature(signer, algorithm, sig, data)), message).toBe(message);
  });

  it('names the malformed part of the parameters', async () => {
    const sig = await sign(32);
    // The sound fields, beside the one malformed part.
    const hashField = tlv(ctx(0), digestAlg(OID.sha256));
    const mgfField = tlv(ctx(1), seq(oidBytes(OID.mgf1), digestAlg(OID.sha256)));
    const cases: [ReturnType<typeof alg>, string][] = [
      [
        pss({ salt: 32, extra: tlv(ctx(4), int(0)) }),
        'RSASSA-PSS-params: unexpected trailing element',
      ],
      [
        alg(OID.rsaPss, seq(tlv(ctx(0), digestAlg(OID.sha256), digestAlg(OID.sha256)))),
        'hashAlgorithm: expected exactly one element',
      ],
      [
        pss({ mgf: tlv(TAG.null) }),
        // [1] holding a NULL: its one element is not an AlgorithmIdentifier.
        'expected tag 0x30, found 0x05',
      ],
      [
        alg(
          OID.rsaPss,
          seq(hashField, tlv(ctx(1), seq(oidBytes(OID.mgf1), digestAlg(OID.sha256)), int(1))),
        ),
        'maskGenAlgorithm: expected exactly one element',
      ],
      [
        alg(OID.rsaPss, seq(hashField, mgfField, tlv(ctx(2), int(32), int(32)))),
        'saltLength: expected exactly one element',
      ],
      [
        alg(OID.rsaPss, seq(hashField, mgfField, tlv(ctx(3), int(1), int(1)))),
        'trailerField: expected exactly one element',
      ],
    ];
    for (const [algorithm, message] of cases)
      expect(await refusal(verifySignature(signer, algorithm, sig, data)), message).toBe(
        `malformed key or parameters: ${message}`,
      );
  });
});

describe('ECDSA', () => {
  const curves = [
    ['P-256', OID.ecdsaSha256, 'SHA-256', OID.sha256],
    ['P-384', OID.ecdsaSha384, 'SHA-384', OID.sha384],
    ['P-521', OID.ecdsaSha512, 'SHA-512', OID.sha512],
  ] as const;
  const made = new Map<string, { signer: Certificate; sig: Uint8Array; raw: Uint8Array }>();
  let rsaSigner: Certificate;
  beforeAll(async () => {
    for (const [curve, , hash] of curves) {
      const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: curve }, true, [
        'sign',
        'verify',
      ])) as CryptoKeyPair;
      const raw = new Uint8Array(
        await crypto.subtle.sign({ name: 'ECDSA', hash }, pair.privateKey, data),
      );
      made.set(curve, { signer: signerOf(await spkiOf(pair.publicKey)), sig: ecdsaDer(raw), raw });
    }
    rsaSigner = signerOf(await spkiOf((await rsaKeys(2048, 'RSASSA-PKCS1-v1_5')).publicKey));
  });

  it('accepts each curve with its ecdsa-with-SHA* algorithm, or ecPublicKey and a digest', async () => {
    for (const [curve, oid, , digest] of curves) {
      const { signer, sig } = made.get(curve)!;
      expect(await verifySignature(signer, alg(oid), sig, data), curve).toBe(true);
      expect(await verifySignature(signer, alg(oid), sig, other), `${curve} other`).toBe(false);
      expect(await verifySignature(signer, alg(OID.ecPublicKey), sig, data, digest)).toBe(true);
    }
    const { signer, sig } = made.get('P-256')!;
    expect(await verifySignature(signer, alg(OID.ecPublicKey), sig, data, OID.sha384)).toBe(false);
    expect(await refusal(verifySignature(signer, alg(OID.ecPublicKey), sig, data))).toBe(
      'ECDSA signature without a digest algorithm',
    );
  });

  it('a signature that is not an ECDSA-Sig-Value is wrong, not an error', async () => {
    const { signer, raw } = made.get('P-256')!;
    expect(await verifySignature(signer, alg(OID.ecdsaSha256), raw, data)).toBe(false);
  });

  it('refuses an RSA key, a curve it does not know and a key on another curve', async () => {
    const { signer, sig } = made.get('P-256')!;
    expect(await refusal(verifySignature(rsaSigner, alg(OID.ecdsaSha256), sig, data))).toBe(
      'ECDSA signature by a non-EC key',
    );
    const secp256k1 = '1.3.132.0.10';
    const unknownCurve = { oid: OID.ecPublicKey, params: parseDer(oidBytes(secp256k1)) };
    expect(
      await refusal(
        verifySignature(signerOf(signer.spki, unknownCurve), alg(OID.ecdsaSha256), sig, data),
      ),
    ).toBe(`elliptic curve ${secp256k1} is not accepted`);
    const noCurve = { oid: OID.ecPublicKey, params: null };
    expect(
      await refusal(
        verifySignature(signerOf(signer.spki, noCurve), alg(OID.ecdsaSha256), sig, data),
      ),
    ).toBe('elliptic curve (none) is not accepted');
    // The certificate says P-384 while its key is a P-256 point: WebCrypto will not import it.
    const claimed = { oid: OID.ecPublicKey, params: parseDer(oidBytes(OID.p384)) };
    expect(
      await refusal(
        verifySignature(signerOf(signer.spki, claimed), alg(OID.ecdsaSha384), sig, data),
      ),
    ).toMatch(/^the certificate's public key cannot be used: ./);
  });
});

describe('ECDSA-Sig-Value to r‖s', () => {
  const n = (...bytes: number[]) => new Uint8Array(bytes);
  it('drops the sign byte and pads each half to the curve size', () => {
    const out = ecdsaRaw(seq(int(n(0x80, 1)), int(n(5))), 4);
    expect(out).toEqual(n(0, 0, 0x80, 1, 0, 0, 0, 5));
    const full = ecdsaRaw(seq(int(n(0xff, 2, 3, 4)), int(n(1, 2, 3, 4))), 4);
    expect(full).toEqual(n(0xff, 2, 3, 4, 1, 2, 3, 4));
  });

  it('is null for a half longer than the curve, a zero half, or anything else', () => {
    expect(ecdsaRaw(seq(int(n(1, 2, 3, 4, 5)), int(n(1))), 4)).toBeNull();
    expect(ecdsaRaw(seq(int(n(1)), int(n(1, 2, 3, 4, 5))), 4)).toBeNull();
    expect(ecdsaRaw(seq(int(0), int(n(1))), 4)).toBeNull();
    expect(ecdsaRaw(seq(int(n(1)), int(0)), 4)).toBeNull();
    expect(ecdsaRaw(seq(int(n(1)), int(n(1)), int(n(1))), 4)).toBeNull();
    expect(ecdsaRaw(seq(int(n(1))), 4)).toBeNull();
    expect(ecdsaRaw(n(1, 2, 3), 4)).toBeNull();
  });
});

describe('Ed25519', () => {
  it('accepts an Ed25519 signature by an Ed25519 key, and only that', async () => {
    const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, [
      'sign',
      'verify',
    ])) as CryptoKeyPair;
    const signer = signerOf(await spkiOf(pair.publicKey));
    const sig = new Uint8Array(await crypto.subtle.sign('Ed25519', pair.privateKey, data));
    expect(await verifySignature(signer, alg(OID.ed25519), sig, data)).toBe(true);
    expect(await verifySignature(signer, alg(OID.ed25519), sig, other)).toBe(false);
    expect(await refusal(verifySignature(signer, alg(OID.sha256WithRsa), sig, data))).toBe(
      'RSA signature by a non-RSA key',
    );
    expect(await refusal(verifySignature(signer, alg(OID.ecdsaSha256), sig, data))).toBe(
      'ECDSA signature by a non-EC key',
    );
    const ec = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
      'sign',
      'verify',
    ])) as CryptoKeyPair;
    const ecSigner = signerOf(await spkiOf(ec.publicKey));
    expect(await refusal(verifySignature(ecSigner, alg(OID.ed25519), sig, data))).toBe(
      'Ed25519 signature by another key',
    );
  });
});
