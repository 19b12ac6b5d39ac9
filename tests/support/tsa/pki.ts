// A test PKI made by `openssl` in a temporary directory: a root CA (optionally an intermediate)
// and a time-stamping unit certificate, plus the `openssl ts` config that makes OpenSSL itself a
// real RFC 3161 TSA. Keys live only in that directory; nothing here is committed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type KeyKind = 'ec-p256' | 'ec-p384' | 'rsa-2048';

export interface PkiOptions {
  /** Key of the TSA's signing certificate. */
  tsaKey?: KeyKind;
  /** Key of the root CA. */
  caKey?: KeyKind;
  /** The CA signs certificates with RSA-PSS (needs an RSA CA key). */
  caPss?: boolean;
  /** Put an intermediate CA between the root and the TSA (sent in every token). */
  intermediate?: boolean;
  /** The TSA certificate's validity ended in the past (2020–2021). */
  expired?: boolean;
  /** Digest the TSA signs with (openssl ts `signer_digest`). */
  signerDigest?: 'sha256' | 'sha384' | 'sha512';
  /** Subject common name of the root (two PKIs with the same name test name confusion). */
  rootName?: string;
  /**
   * The TSA certificate's extended key usage: `openssl ts -reply` refuses to sign with anything
   * but a critical timeStamping-only one, so the others are for hand-forged tokens (forge.ts).
   */
  tsaEku?: 'timestamping' | 'not-critical' | 'code-signing' | 'none';
  /** The root's extensions instead of a CA's usual ones (e.g. a path length of 0). */
  rootExt?: string[];
  /**
   * The intermediate's extensions, exactly these, instead of a CA's usual ones (which include
   * `authorityKeyIdentifier`). Implies `intermediate`.
   */
  intermediateExt?: string[];
  /** Extensions added to the TSA certificate (e.g. an unknown critical one). */
  tsaExtraExt?: string[];
  /** The TSA certificate's extensions, exactly these (for hand-forged tokens: forge.ts). */
  tsaExt?: string[];
  /** The TSA certificate's serial number (default 0x2002). */
  tsaSerial?: string;
  /**
   * The root has exactly `rootExt` (default none), without the key ids and CA constraints that
   * `openssl req -x509` adds of its own: with none it is an X.509 v1 certificate, as old roots
   * are. Without a key id on the root, the TSA certificate needs `tsaExt` without
   * `authorityKeyIdentifier=keyid`.
   */
  rootExactly?: boolean;
  /** Digest the issuing CA signs the TSA certificate with (default sha256). */
  tsaCertDigest?: 'sha1' | 'sha256';
}

const EKU_LINE: Record<NonNullable<PkiOptions['tsaEku']>, string> = {
  timestamping: 'extendedKeyUsage=critical,timeStamping',
  'not-critical': 'extendedKeyUsage=timeStamping',
  'code-signing': 'extendedKeyUsage=critical,codeSigning',
  none: '',
};

export interface TestPki {
  dir: string;
  /** Root CA certificate (PEM): what a verifier is told to trust. */
  caPem: string;
  caPath: string;
  tsaPem: string;
  tsaPath: string;
  intermediatePath: string | null;
  /** Private key files (PEM), for tests that forge tokens by hand. */
  tsaKeyPath: string;
  caKeyPath: string;
  /** The `openssl ts` configuration directory (tsa.cnf inside). */
  configPath: string;
}

export function openssl(args: string[], cwd?: string, input?: Buffer): Buffer {
  return execFileSync('openssl', args, { cwd, input, stdio: ['pipe', 'pipe', 'pipe'] });
}

function newKey(kind: KeyKind, out: string, cwd: string): void {
  const opts =
    kind === 'rsa-2048'
      ? ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048']
      : [
          '-algorithm',
          'EC',
          '-pkeyopt',
          `ec_paramgen_curve:${kind === 'ec-p256' ? 'P-256' : 'P-384'}`,
        ];
  openssl(['genpkey', ...opts, '-out', out], cwd);
}

const CA_EXT = [
  'basicConstraints=critical,CA:TRUE',
  'keyUsage=critical,keyCertSign,cRLSign',
  'subjectKeyIdentifier=hash',
].join('\n');
/** What makes a certificate a TSA's, without key identifiers (for `tsaExt`). */
export const TSA_USAGE_EXT = [
  'basicConstraints=critical,CA:FALSE',
  'keyUsage=critical,digitalSignature',
  'extendedKeyUsage=critical,timeStamping',
];
const TSA_EXT = [
  ...TSA_USAGE_EXT,
  'subjectKeyIdentifier=hash',
  'authorityKeyIdentifier=keyid',
].join('\n');

const rootSubject = (options: PkiOptions) =>
  `/O=Dalel Test/CN=${options.rootName ?? 'Dalel Test Root CA'}`;

/** Creates a fresh PKI under a new temporary directory (or `parent`). */
export function makeTestPki(options: PkiOptions = {}, parent = os.tmpdir()): TestPki {
  const dir = mkdtempSync(path.join(parent, 'dalel-tsa-'));
  const run = (args: string[]) => openssl(args, dir);
  const intermediateExt =
    options.intermediateExt?.join('\n') ?? `${CA_EXT}\nauthorityKeyIdentifier=keyid`;
  writeFileSync(path.join(dir, 'ca-ext.cnf'), `${intermediateExt}\n`);
  const tsaExt =
    options.tsaExt?.join('\n') ??
    TSA_EXT.replace(EKU_LINE.timestamping, EKU_LINE[options.tsaEku ?? 'timestamping']);
  writeFileSync(
    path.join(dir, 'tsa-ext.cnf'),
    `${[tsaExt, ...(options.tsaExtraExt ?? [])].join('\n')}\n`,
  );
  const caKey = options.caKey ?? (options.caPss ? 'rsa-2048' : 'ec-p256');
  const sigopt = options.caPss
    ? ['-sigopt', 'rsa_padding_mode:pss', '-sigopt', 'rsa_pss_saltlen:32']
    : [];
  newKey(caKey, 'ca.key', dir);
  if (options.rootExactly) {
    // `req -x509` always adds key ids and CA constraints; `x509 -req` adds only the extension
    // file's, and without any writes version 1.
    writeFileSync(path.join(dir, 'root-ext.cnf'), `${(options.rootExt ?? []).join('\n')}\n`);
    run(['req', '-new', '-key', 'ca.key', '-out', 'ca.csr', '-subj', rootSubject(options)]);
    run([
      'x509',
      '-req',
      '-in',
      'ca.csr',
      '-signkey',
      'ca.key',
      '-days',
      '3650',
      '-sha256',
      ...sigopt,
      '-extfile',
      'root-ext.cnf',
      '-out',
      'ca.pem',
    ]);
  } else
    run([
      'req',
      '-x509',
      '-new',
      '-key',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      '3650',
      '-sha256',
      ...sigopt,
      '-subj',
      rootSubject(options),
      ...(
        options.rootExt ?? [
          'basicConstraints=critical,CA:TRUE',
          'keyUsage=critical,keyCertSign,cRLSign',
        ]
      ).flatMap((line) => ['-addext', line]),
    ]);
  let issuerCert = 'ca.pem';
  let issuerKey = 'ca.key';
  let chain = 'ca.pem';
  if (options.intermediate || options.intermediateExt) {
    newKey(caKey, 'int.key', dir);
    run([
      'req',
      '-new',
      '-key',
      'int.key',
      '-out',
      'int.csr',
      '-subj',
      '/O=Dalel Test/CN=Dalel Test Intermediate CA',
    ]);
    run([
      'x509',
      '-req',
      '-in',
      'int.csr',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-set_serial',
      '0x1001',
      '-out',
      'int.pem',
      '-days',
      '3000',
      '-sha256',
      ...sigopt,
      '-extfile',
      'ca-ext.cnf',
    ]);
    issuerCert = 'int.pem';
    issuerKey = 'int.key';
    writeFileSync(
      path.join(dir, 'chain.pem'),
      readFileSync(path.join(dir, 'int.pem'), 'utf8') +
        readFileSync(path.join(dir, 'ca.pem'), 'utf8'),
    );
    chain = 'chain.pem';
  }
  newKey(options.tsaKey ?? 'ec-p256', 'tsa.key', dir);
  run([
    'req',
    '-new',
    '-key',
    'tsa.key',
    '-out',
    'tsa.csr',
    '-subj',
    '/O=Dalel Test/CN=Dalel Test TSA',
  ]);
  if (options.expired) {
    signWithDates(dir, issuerCert, issuerKey, sigopt);
  } else {
    run([
      'x509',
      '-req',
      '-in',
      'tsa.csr',
      '-CA',
      issuerCert,
      '-CAkey',
      issuerKey,
      '-set_serial',
      options.tsaSerial ?? '0x2002',
      '-out',
      'tsa.pem',
      '-days',
      '3000',
      `-${options.tsaCertDigest ?? 'sha256'}`,
      ...sigopt,
      '-extfile',
      'tsa-ext.cnf',
    ]);
  }
  writeFileSync(path.join(dir, 'tsaserial'), '01\n');
  writeFileSync(
    path.join(dir, 'tsa.cnf'),
    [
      '[ tsa ]',
      'default_tsa = tsa_config1',
      '[ tsa_config1 ]',
      'dir = .',
      'serial = ./tsaserial',
      'crypto_device = builtin',
      'signer_cert = ./tsa.pem',
      `certs = ./${chain}`,
      'signer_key = ./tsa.key',
      `signer_digest = ${options.signerDigest ?? 'sha256'}`,
      'default_policy = 1.3.6.1.4.1.99999.1',
      'other_policies = 1.3.6.1.4.1.99999.2',
      'digests = sha256, sha384, sha512',
      'accuracy = secs:1',
      'ordering = yes',
      'tsa_name = yes',
      'ess_cert_id_chain = no',
      'ess_cert_id_alg = sha256',
      '',
    ].join('\n'),
  );
  return {
    dir,
    caPem: readFileSync(path.join(dir, 'ca.pem'), 'utf8'),
    caPath: path.join(dir, 'ca.pem'),
    tsaPem: readFileSync(path.join(dir, 'tsa.pem'), 'utf8'),
    tsaPath: path.join(dir, 'tsa.pem'),
    intermediatePath:
      options.intermediate || options.intermediateExt ? path.join(dir, 'int.pem') : null,
    tsaKeyPath: path.join(dir, 'tsa.key'),
    caKeyPath: path.join(dir, 'ca.key'),
    configPath: path.join(dir, 'tsa.cnf'),
  };
}

/** `openssl x509 -req` cannot set a start date: `openssl ca` can (an expired certificate). */
function signWithDates(dir: string, issuerCert: string, issuerKey: string, sigopt: string[]): void {
  writeFileSync(path.join(dir, 'index.txt'), '');
  writeFileSync(path.join(dir, 'ca-serial'), '3003\n');
  writeFileSync(
    path.join(dir, 'ca.cnf'),
    [
      '[ ca ]',
      'default_ca = test_ca',
      '[ test_ca ]',
      'database = ./index.txt',
      'serial = ./ca-serial',
      'new_certs_dir = .',
      'default_md = sha256',
      'policy = any',
      'unique_subject = no',
      'copy_extensions = none',
      '[ any ]',
      'commonName = supplied',
      'organizationName = optional',
      '[ tsa_ext ]',
      TSA_EXT,
      '',
    ].join('\n'),
  );
  openssl(
    [
      'ca',
      '-batch',
      '-config',
      'ca.cnf',
      '-in',
      'tsa.csr',
      '-cert',
      issuerCert,
      '-keyfile',
      issuerKey,
      '-out',
      'tsa.pem',
      '-startdate',
      '20200101000000Z',
      '-enddate',
      '20210101000000Z',
      '-extensions',
      'tsa_ext',
      '-notext',
      ...sigopt,
    ],
    dir,
  );
}

/** Asks the PKI's TSA for a token over `data` directly (no HTTP): `openssl ts -query | -reply`. */
export function opensslStamp(pki: TestPki, data: Buffer, digest = 'sha256'): Buffer {
  writeFileSync(path.join(pki.dir, 'data.bin'), data);
  openssl(['ts', '-query', '-data', 'data.bin', `-${digest}`, '-cert', '-out', 'q.tsq'], pki.dir);
  openssl(['ts', '-reply', '-config', 'tsa.cnf', '-queryfile', 'q.tsq', '-out', 'r.tsr'], pki.dir);
  return readFileSync(path.join(pki.dir, 'r.tsr'));
}

/** Stock `openssl ts -verify` on a token: the reference a lawyer runs by hand. */
export function opensslVerify(
  token: Uint8Array,
  covered: { data: Uint8Array } | { sha256Hex: string },
  caPem: string,
): { ok: boolean; output: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dalel-tsv-'));
  writeFileSync(path.join(dir, 'token.tsr'), token);
  writeFileSync(path.join(dir, 'ca.pem'), caPem);
  const what =
    'data' in covered
      ? (writeFileSync(path.join(dir, 'data.bin'), covered.data), ['-data', 'data.bin'])
      : ['-digest', covered.sha256Hex];
  try {
    const out = openssl(['ts', '-verify', ...what, '-in', 'token.tsr', '-CAfile', 'ca.pem'], dir);
    return { ok: /Verification: OK/.test(out.toString()), output: out.toString() };
  } catch (error) {
    const e = error as { stdout?: Buffer; stderr?: Buffer };
    return { ok: false, output: `${e.stdout?.toString() ?? ''}${e.stderr?.toString() ?? ''}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs openssl with `input` written to a file whose path replaces `{in}` in `args`
 * (`-in /dev/stdin` fails when stdin is a pipe from Node).
 */
export function opensslWith(args: string[], input: Uint8Array): Buffer {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dalel-ossl-'));
  try {
    writeFileSync(path.join(dir, 'in.bin'), input);
    return openssl(args.map((a) => (a === '{in}' ? path.join(dir, 'in.bin') : a)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
