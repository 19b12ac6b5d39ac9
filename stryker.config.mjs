// @ts-check
// Mutation testing (`npm run mutate`, not in CI): StrykerJS changes one operator, literal or
// branch of the code at a time and runs the unit tests that cover it; a change no test notices is
// a "survivor". One target (a group of folders) per run, chosen by DALEL_MUTATE_TARGET, each with
// its own incremental file, so re-running a target only tests what changed since its last run.
// scripts/mutate.mjs runs the targets one after another and checks the survivors against
// docs/mutation-survivors.md.

/** What each target mutates (globs relative to the repo root). */
export const TARGETS = {
  // lib/evidence except what issue 12 is rewriting (zip/, verify*), which is the target below.
  evidence: [
    'lib/evidence/**/*.ts',
    '!lib/evidence/zip/**',
    '!lib/evidence/verify*.ts',
    '!lib/evidence/verifier-page/**',
    '!lib/evidence/report-css.ts',
  ],
  'evidence-zip-verify': ['lib/evidence/zip/**/*.ts', 'lib/evidence/verify*.ts'],
  // The locker queue's repository is with the team-locker target: its tests are the Ceph ones.
  store: [
    'lib/store/repositories/**/*.ts',
    '!lib/store/repositories/locker-repo.ts',
    'lib/store/encryption/**/*.ts',
    'lib/store/db.ts',
    'lib/store/integrity.ts',
  ],
  services: ['lib/services/**/*.ts', '!lib/services/locker/**'],
  // The team-locker services are tested against a real S3 engine (tests/locker boots Ceph RGW):
  // this target runs those tests too (vitest.mutate.config.ts), so it needs radosgw installed.
  'services-locker': ['lib/services/locker/**/*.ts', 'lib/store/repositories/locker-repo.ts'],
  // The date, count and id parsing of the extractors (the selectors are covered by fixtures).
  platforms: [
    'lib/platforms/dates.ts',
    'lib/platforms/counts.ts',
    'lib/platforms/facebook-counts.ts',
    'lib/platforms/facebook-ids.ts',
    'lib/platforms/instagram-ids.ts',
    'lib/platforms/snowflake.ts',
  ],
};

/**
 * Quick targets: one file against only its dedicated unit tests (Stryker's `testFiles`). Their
 * score is a lower bound of the full target's (other tests may kill more), at a fraction of the
 * time; for a machine too busy for the full target.
 */
export const QUICK = {
  'capture-stages': {
    mutate: ['lib/background/capture/stages.ts', 'lib/background/capture/pipeline.ts'],
    testFiles: ['tests/unit/background/capture/pipeline.test.ts'],
  },
  custody: {
    mutate: ['lib/evidence/custody.ts'],
    testFiles: ['tests/unit/evidence/custody.test.ts'],
  },
  'platforms-values': {
    mutate: [
      'lib/platforms/counts.ts',
      'lib/platforms/dates.ts',
      'lib/platforms/snowflake.ts',
      'lib/platforms/facebook-counts.ts',
    ],
    testFiles: [
      'tests/unit/platforms/dom-helpers.test.ts',
      'tests/unit/platforms/dates-boundaries.test.ts',
      'tests/unit/platforms/x.test.ts',
      'tests/unit/platforms/facebook-counts.test.ts',
    ],
  },
  dates: {
    mutate: ['lib/platforms/dates.ts'],
    testFiles: [
      'tests/unit/platforms/dates-boundaries.test.ts',
      'tests/unit/platforms/dom-helpers.test.ts',
      'tests/unit/platforms/webmail.test.ts',
    ],
  },
  'platforms-ids': {
    mutate: ['lib/platforms/facebook-ids.ts', 'lib/platforms/instagram-ids.ts'],
    testFiles: ['tests/unit/platforms/facebook.test.ts', 'tests/unit/platforms/instagram.test.ts'],
  },
  // The verifier's sentences in three languages against the golden copy and the translation checks.
  'verifier-words': {
    mutate: [
      'lib/evidence/verify-messages.ts',
      'lib/evidence/verify-messages.ru.ts',
      'lib/evidence/verify-messages.kk.ts',
    ],
    testFiles: [
      'tests/unit/evidence/verifier-words-golden.test.ts',
      'tests/unit/evidence/verify-messages-i18n.test.ts',
    ],
  },
  // What the verifier checks of the records against the manifest.
  'verify-records': {
    mutate: ['lib/evidence/verify-records.ts'],
    testFiles: [
      'tests/unit/evidence/verify-records-manifest.test.ts',
      'tests/unit/evidence/package-records.test.ts',
      'tests/unit/evidence/package-tamper.test.ts',
    ],
  },
  // The evidence core's primitives: canonical JSON, hashing, Merkle proofs, keys and revocation.
  'evidence-core': {
    ignoreStatic: true,
    mutate: [
      'lib/evidence/canonical-json.ts',
      'lib/evidence/merkle.ts',
      'lib/evidence/sha256-js.ts',
      'lib/evidence/hex.ts',
      'lib/evidence/signing.ts',
      'lib/evidence/revocation.ts',
    ],
    testFiles: [
      'tests/unit/evidence/canonical-json.test.ts',
      'tests/unit/evidence/canonical-json-reasons.test.ts',
      'tests/unit/evidence/merkle.test.ts',
      'tests/unit/evidence/merkle-boundaries.test.ts',
      'tests/unit/evidence/sha256.test.ts',
      'tests/unit/evidence/hex.test.ts',
      'tests/unit/evidence/signing.test.ts',
      'tests/unit/evidence/signing-edges.test.ts',
      'tests/unit/evidence/revocation.test.ts',
      'tests/unit/evidence/custody.test.ts',
    ],
  },
  // Trusted time: whether to trust an RFC 3161 token (its signature, chain, contents and the
  // package's tokens). The parsers under it (der.ts, cms.ts, x509.ts) are a target of their own:
  // every test reads real tokens through them, so together they take hours.
  'timestamp-verify': {
    ignoreStatic: true,
    mutate: [
      'lib/evidence/timestamp/verify-token.ts',
      'lib/evidence/timestamp/signature.ts',
      'lib/evidence/timestamp/chain.ts',
      'lib/evidence/timestamp/tst-info.ts',
      'lib/evidence/timestamp/check-package.ts',
    ],
    testFiles: [
      'tests/unit/evidence/timestamp/der.test.ts',
      'tests/unit/evidence/timestamp/verify-token.test.ts',
      'tests/unit/evidence/timestamp/x509.test.ts',
      // Not package-stamp.test.ts: each of its tests exports and verifies a whole package through
      // a TSA (about a second), and it covers nearly every mutant here; the rules it reaches have
      // their own tests below.
      'tests/unit/evidence/timestamp/chain.test.ts',
      'tests/unit/evidence/timestamp/chain-search.test.ts',
      'tests/unit/evidence/timestamp/tsa-purpose.test.ts',
      'tests/unit/evidence/timestamp/check-package.test.ts',
      'tests/unit/evidence/timestamp/signature.test.ts',
      'tests/unit/evidence/timestamp/tst-info.test.ts',
      'tests/unit/evidence/timestamp/token-rules.test.ts',
      'tests/unit/evidence/unsigned-annex.test.ts',
    ],
  },
  // The package's signature chain, whom it is from, and revoked keys.
  'evidence-signature': {
    ignoreStatic: true,
    mutate: [
      'lib/evidence/verify-signature.ts',
      'lib/evidence/revocation-check.ts',
      'lib/evidence/statement.ts',
    ],
    testFiles: [
      'tests/unit/evidence/verify-signature.test.ts',
      'tests/unit/evidence/revocation-check.test.ts',
    ],
  },
  // The ZIP reader against the tests that read small hostile and written archives. Not the
  // 4 GiB virtual archives, the 70,000-entry ones or the real-tool comparisons (zip64-sizes,
  // zip-entry-counts, zip-one-reading): they read through nearly every line here and take
  // seconds each, so every mutant would cost that much (the full `evidence-zip-verify` keeps them).
  'zip-read': {
    ignoreStatic: true,
    mutate: [
      'lib/evidence/zip/reader.ts',
      'lib/evidence/zip/central.ts',
      'lib/evidence/zip/end-records.ts',
      'lib/evidence/zip/local-headers.ts',
      'lib/evidence/zip/entry.ts',
      'lib/evidence/zip/entry-data.ts',
      'lib/evidence/zip/entry-stream.ts',
      'lib/evidence/zip/names.ts',
      'lib/evidence/zip/extras.ts',
      'lib/evidence/zip/format.ts',
      'lib/evidence/zip/descriptor-scan.ts',
      'lib/evidence/zip/source.ts',
    ],
    testFiles: [
      'tests/unit/evidence/zip-limits.test.ts',
      'tests/unit/evidence/zip-writer.test.ts',
      'tests/unit/evidence/zip-hostile.test.ts',
    ],
  },
  // The ZIP writer, its byte sink and the DEFLATE codecs.
  'zip-write': {
    ignoreStatic: true,
    mutate: ['lib/evidence/zip/writer.ts', 'lib/evidence/zip/sink.ts', 'lib/evidence/zip/codec.ts'],
    testFiles: [
      'tests/unit/evidence/zip-writer.test.ts',
      'tests/unit/evidence/zip-writer-edges.test.ts',
      'tests/unit/evidence/zip-limits.test.ts',
      'tests/unit/evidence/zip-sink.test.ts',
      'tests/unit/evidence/zip-codec.test.ts',
    ],
  },
  // verifyPackage itself: reading the package, the manifest, and the report it builds.
  'verify-package': {
    ignoreStatic: true,
    mutate: [
      'lib/evidence/verify.ts',
      'lib/evidence/verify-report.ts',
      'lib/evidence/manifest.ts',
      'lib/evidence/package-input.ts',
    ],
    testFiles: [
      'tests/unit/evidence/verify-package-reading.test.ts',
      'tests/unit/evidence/verify-package-checks.test.ts',
      'tests/unit/evidence/verify-package-faults.test.ts',
      'tests/unit/evidence/manifest.test.ts',
      'tests/unit/evidence/verify-report.test.ts',
      'tests/unit/evidence/verify-records-manifest.test.ts',
      'tests/unit/evidence/unsigned-annex.test.ts',
      'tests/unit/evidence/package-roundtrip.test.ts',
      'tests/unit/evidence/package-records.test.ts',
      'tests/unit/evidence/package-withheld.test.ts',
      'tests/unit/evidence/verify-signature.test.ts',
      'tests/unit/evidence/signer-continuity.test.ts',
      'tests/unit/evidence/package-tamper.test.ts',
      'tests/unit/evidence/zip-hostile.test.ts',
    ],
  },
  'timestamp-parse': {
    ignoreStatic: true,
    mutate: [
      'lib/evidence/timestamp/der.ts',
      'lib/evidence/timestamp/cms.ts',
      'lib/evidence/timestamp/x509.ts',
    ],
    testFiles: [
      'tests/unit/evidence/timestamp/der.test.ts',
      'tests/unit/evidence/timestamp/verify-token.test.ts',
      'tests/unit/evidence/timestamp/x509.test.ts',
    ],
  },
  // The custody log's disclosure and Merkle tree, key handovers and the records' shapes, with
  // the hashing they rest on.
  'evidence-custody': {
    ignoreStatic: true,
    mutate: [
      'lib/evidence/custody-disclosure.ts',
      'lib/evidence/custody-tree.ts',
      'lib/evidence/key-rotation.ts',
      'lib/evidence/shape.ts',
      'lib/evidence/package-records.ts',
      'lib/evidence/crc32.ts',
      'lib/evidence/sha256.ts',
      'lib/evidence/read-ahead.ts',
      'lib/evidence/annex.ts',
    ],
    testFiles: [
      'tests/unit/evidence/custody.test.ts',
      'tests/unit/evidence/signer-continuity.test.ts',
      'tests/unit/evidence/package-records.test.ts',
      'tests/unit/evidence/sha256.test.ts',
      'tests/unit/evidence/read-ahead.test.ts',
      'tests/unit/evidence/unsigned-annex.test.ts',
      'tests/unit/store/custody-tree.test.ts',
      'tests/unit/store/custody-repo.test.ts',
      'tests/unit/store/keys-imports-records.test.ts',
    ],
  },
  'services-import': {
    mutate: ['lib/services/import-package.ts'],
    testFiles: [
      'tests/unit/services/import-package.test.ts',
      'tests/unit/services/import-details.test.ts',
      'tests/unit/services/import-rehash.test.ts',
      'tests/unit/services/import-edges.test.ts',
      // Imports a package with capture-time and package tokens: the trusted time it keeps.
      'tests/unit/services/capture-stamps.test.ts',
    ],
  },
  'services-export-input': {
    mutate: ['lib/services/export-input.ts'],
    testFiles: [
      'tests/unit/services/export-from-store.test.ts',
      'tests/unit/services/export-scopes.test.ts',
      'tests/unit/services/export-carries.test.ts',
    ],
  },
  'services-stamps': {
    mutate: ['lib/services/capture-stamps.ts'],
    testFiles: [
      'tests/unit/services/capture-stamps.test.ts',
      'tests/unit/services/capture-stamps-queue.test.ts',
    ],
  },
  // The encryption layer's table list (module-level constants: static mutants, tested here).
  'store-table-specs': {
    mutate: ['lib/store/encryption/table-specs.ts'],
    testFiles: [
      'tests/unit/store/encryption/table-specs.test.ts',
      'tests/unit/store/encryption/row-codec.test.ts',
    ],
  },
  'services-backup': {
    mutate: ['lib/services/backup-status.ts'],
    testFiles: [
      'tests/unit/services/backup-status.test.ts',
      'tests/unit/services/backup-overdue.test.ts',
    ],
  },
};

const target = process.env.DALEL_MUTATE_TARGET ?? 'services';
const quick = QUICK[/** @type {keyof typeof QUICK} */ (target)];
const mutate = quick?.mutate ?? TARGETS[/** @type {keyof typeof TARGETS} */ (target)];
if (!mutate)
  throw new Error(
    `unknown DALEL_MUTATE_TARGET ${target}: ${[...Object.keys(TARGETS), ...Object.keys(QUICK)]}`,
  );

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: 'vitest',
  // Only the tests that import the mutated files (vitest --related) run, per mutant only those
  // that covered it.
  vitest: { configFile: 'vitest.mutate.config.ts', related: true },
  coverageAnalysis: 'perTest',
  mutate,
  ...(quick ? { testFiles: quick.testFiles } : {}),
  // Two cores shared by several people: one test runner, and the caller runs Stryker niced.
  concurrency: 1,
  // A static mutant (a module-level constant) needs a fresh module graph and every test: too slow
  // for a full target, where they are reported as ignored, not counted in the score. A quick
  // target's few test files make them affordable: they are tested there, unless its tests import
  // the module once (`ignoreStatic: true`): Stryker's vitest runner does not load a module again
  // for a static mutant, so only a test that re-imports it (vi.resetModules) can kill one.
  ignoreStatic: !quick || quick.ignoreStatic === true,
  // Stryker re-writes every file it would strip of type-check comments as UTF-8 text, html
  // included, which turns the windows-1251 fixtures into mojibake: only the mutated sources.
  disableTypeChecks: 'lib/**/*.ts',
  incremental: true,
  incrementalFile: `reports/mutation/${target}.incremental.json`,
  reporters: ['clear-text', 'progress-append-only', 'html'],
  htmlReporter: { fileName: `reports/mutation/${target}.html` },
  clearTextReporter: { allowColor: false, reportMutants: false, reportTests: false },
  thresholds: { high: 90, low: 85, break: null },
  // A loaded machine is slow, not stuck: give a mutant time before calling it a timeout.
  timeoutMS: 20_000,
  // The first run of every covering test, niced on a busy machine, can take more than the default 5.
  dryRunTimeoutMinutes: 30,
  tempDirName: '.stryker-tmp',
  ignorePatterns: [
    '.output',
    'test-results',
    'playwright-report',
    'bench-results',
    'reports',
    '.tmp',
    'tests/e2e',
    'tests/e2e-firefox',
  ],
};

export default config;
