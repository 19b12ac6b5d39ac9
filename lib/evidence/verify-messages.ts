// Every verifier outcome is a stable code plus parameters; the English text comes from this one
// table. A translation is another table of the same type (`CheckMessages`), so the CLI, verify.html
// and the dashboard can show the same check in Russian or Kazakh without touching the verifier.
// Parameters are language-neutral: file names, numbers, hashes, fingerprints, codes.

type P<T = Record<string, never>> = (p: T) => string;

/** How a re-packed container differs from the form Dalel writes. */
export type FormChange =
  | 'folders'
  | 'order'
  | 'compression'
  | 'extras'
  | 'descriptors'
  | 'versions'
  | 'flags'
  | 'attributes'
  | 'times'
  | 'zip64';

export const FORM_CHANGE_EN: Record<FormChange, string> = {
  folders: 'folder entries added',
  order: 'entries in another order',
  compression: 'compression changed',
  extras: 'extra fields added',
  descriptors: 'data descriptors changed',
  versions: 'version fields changed',
  flags: 'flags changed',
  attributes: 'file attributes changed',
  times: 'file times changed',
  zip64: 'Zip64 records changed',
};
type Count = { count: number };

/** What a ZIP entry's attributes make it, other than a regular file. */
export type FileType =
  | 'symlink'
  | 'socket'
  | 'block_device'
  | 'char_device'
  | 'fifo'
  | 'directory'
  | 'setid'
  | 'unknown';

export const FILE_TYPE_EN: Record<FileType, string> = {
  symlink: 'symbolic link',
  socket: 'socket',
  block_device: 'block device',
  char_device: 'character device',
  fifo: 'named pipe',
  directory: 'directory',
  setid: 'file with set-id or sticky bits',
  unknown: 'special file',
};

/** Why a key handover does not hold. */
export type RotationProblem =
  'malformed' | 'other_keys' | 'not_base64' | 'fingerprint_mismatch' | 'bad_signature';

export const ROTATION_PROBLEM_EN: Record<RotationProblem, string> = {
  malformed: 'malformed statement',
  other_keys: 'the statement names other keys than the event',
  not_base64: 'not base64',
  fingerprint_mismatch: 'a fingerprint does not match its key',
  bad_signature: 'the signature by the previous key does not verify',
};

export const CHECK_MESSAGES_EN = {
  // --- the ZIP container (rule: one reading for every tool) ---
  zip_too_small: () => 'too small to be a ZIP archive',
  zip_no_end_record: () => 'no end-of-central-directory record (not a ZIP, or truncated)',
  zip_archive_comment: ((p) =>
    `the archive has a ${p.length}-byte comment after its end record: refused (a second, shadow directory can hide there for other ZIP tools)`) as P<{
    length: number;
  }>,
  zip_end_record_not_last: ((p) =>
    `${p.bytes} bytes follow the end record: refused (other ZIP tools may read a different directory)`) as P<{
    bytes: number;
  }>,
  zip_multi_disk: () => 'multi-disk archives are not supported',
  zip_end_counts_disagree: () => 'entry counts disagree in the end record',
  zip64_locator_misplaced: () => 'the Zip64 end record is not where its locator says',
  zip64_end_bad: ((p) => `bad Zip64 end record (${p.field})`) as P<{ field: string }>,
  zip64_end_disagrees: ((p) =>
    `the end record's ${p.field} (${p.value}) disagrees with the Zip64 end record (${p.zip64})`) as P<{
    field: string;
    value: number;
    zip64: number;
  }>,
  zip64_locator_missing: () => 'the end record needs Zip64 but has no Zip64 locator',
  zip_cd_misplaced: ((p) =>
    `the central directory is not where the end record says (${p.bytes} unexplained bytes: data prepended or cut)`) as P<{
    bytes: number;
  }>,
  zip_too_many_entries: ((p) => `${p.count} entries, more than the limit of ${p.limit}`) as P<{
    count: number;
    limit: number;
  }>,
  zip_cd_implausible: ((p) =>
    `central directory size ${p.size} is implausible for ${p.count} entries`) as P<{
    size: number;
    count: number;
  }>,
  zip_cd_damaged: ((p) => `central directory entry ${p.index} is damaged`) as P<{ index: number }>,
  zip_cd_overrun: ((p) => `central directory entry ${p.index} runs past its end`) as P<{
    index: number;
  }>,
  zip_cd_trailing: () => 'the central directory has trailing bytes',
  zip_name_not_utf8: () => 'entry name is not valid UTF-8',
  zip_other_disk: () => 'entry on another disk',
  zip_encrypted: () => 'encrypted entry',
  zip_flags: ((p) => `general-purpose flags 0x${p.flags} not allowed`) as P<{ flags: string }>,
  zip_method: ((p) => `compression method ${p.method} not allowed`) as P<{ method: number }>,
  zip_version: ((p) => `needs ZIP version ${p.version} (at most 4.5 is allowed)`) as P<{
    version: string;
  }>,
  zip_host: ((p) =>
    `made on host system ${p.host}: only MS-DOS, Unix, NTFS and macOS attributes are understood`) as P<{
    host: number;
  }>,
  zip_entry_comment: ((p) => `the entry has a ${p.length}-byte comment: refused`) as P<{
    length: number;
  }>,
  zip_internal_attributes: ((p) => `internal attributes 0x${p.value} not allowed`) as P<{
    value: string;
  }>,
  zip_file_type: ((p) =>
    `its attributes make it a ${FILE_TYPE_EN[p.type]}, not a regular file: refused (tools would not extract these bytes as a file)`) as P<{
    type: FileType;
  }>,
  zip_dos_attributes: ((p) => `MS-DOS attributes 0x${p.value} not allowed`) as P<{
    value: string;
  }>,
  zip_extra_malformed: () => 'malformed extra field',
  zip_extra_unicode_path: ((p) =>
    `extra field 0x${p.id} (Info-ZIP Unicode ${p.what}) refused: other tools would show another name`) as P<{
    id: string;
    what: string;
  }>,
  zip_extra_unknown: ((p) =>
    `extra field 0x${p.id} refused: only Zip64, timestamps and Unix owner fields are allowed`) as P<{
    id: string;
  }>,
  zip_extra_repeated: ((p) => `extra field 0x${p.id} appears twice`) as P<{ id: string }>,
  zip64_extra_bad: ((p) =>
    `Zip64 extra field holds ${p.length} bytes where ${p.expected} are needed`) as P<{
    length: number;
    expected: number;
  }>,
  zip_directory_bad: () =>
    'directory entry with data, attributes or a method a directory cannot have',
  zip_directory_orphan: () => 'directory entry with no file under it',
  zip_directory_is_file: () => 'a file and a directory have the same name',
  zip_overlap: () => 'overlaps the previous entry',
  zip_gap: ((p) => `${p.bytes} unexplained bytes before this entry`) as P<{ bytes: number }>,
  zip_gap_before_cd: ((p) => `${p.bytes} unexplained bytes before the central directory`) as P<{
    bytes: number;
  }>,
  zip_local_missing: () => 'local header missing',
  zip_local_name: ((p) => `local header names "${p.name}"`) as P<{ name: string }>,
  zip_local_disagrees: ((p) =>
    `local header's ${p.field} disagrees with the central directory`) as P<{
    field: string;
  }>,
  zip_local_sizes: ((p) =>
    `local header's sizes (${p.local}) differ from the central directory's (${p.central}): tools reading local headers would take other bytes`) as P<{
    local: string;
    central: string;
  }>,
  zip_data_past_cd: () => 'data runs into the central directory',
  zip_descriptor_unsigned: () =>
    'data descriptor without its signature: refused (readers disagree on where it is)',
  zip_descriptor_short: () => 'data descriptor cut short',
  zip_descriptor_disagrees: () => 'data descriptor disagrees with the central directory',
  zip_outside: ((p) => `${p.what} lies outside the archive (truncated?)`) as P<{ what: string }>,
  zip_read_short: ((p) => `${p.what} could not be read in full`) as P<{ what: string }>,
  zip_entry_too_large: ((p) => `declares ${p.size} bytes, more than the limit of ${p.limit}`) as P<{
    size: number;
    limit: number;
  }>,
  zip_stored_sizes: () => 'stored entry with different stored and declared sizes',
  zip_ratio: ((p) => `compression ratio ${p.ratio}:1 exceeds ${p.limit}:1 (zip bomb?)`) as P<{
    ratio: number;
    limit: number;
  }>,
  zip_total_too_large: ((p) =>
    `declares ${p.size} bytes in total, more than the limit of ${p.limit}`) as P<{
    size: number;
    limit: number;
  }>,
  zip_inflates_beyond: ((p) =>
    `inflates beyond its declared ${p.size} bytes (lying size or zip bomb)`) as P<{ size: number }>,
  zip_corrupt_deflate: ((p) => `corrupt compressed data (${p.detail})`) as P<{ detail: string }>,
  zip_deflate_trailing: () =>
    'bytes after the end of its compressed stream: refused (hidden data, and streaming readers see another entry there)',
  zip_length_mismatch: ((p) => `has ${p.actual} bytes, declares ${p.size}`) as P<{
    actual: number;
    size: number;
  }>,
  zip_crc: () => 'CRC-32 mismatch (damaged or altered data)',
  zip_fake_descriptor: ((p) =>
    `its stored data holds a complete data descriptor at byte ${p.at}: streaming ZIP readers would end the entry there and read what follows as other files`) as P<{
    at: number;
  }>,
  zip_entry_cap: ((p) => `is ${p.size} bytes, more than ${p.max} allowed for this file`) as P<{
    size: number;
    max: number;
  }>,

  // --- names ---
  name_empty: () => 'empty name',
  name_backslash: () => 'backslash in name',
  name_absolute: () => 'absolute path',
  name_drive: () => 'drive letter in name',
  name_control: () => 'control character in name',
  name_traversal: () => '".." segment (path traversal)',
  name_dot: () => '"." segment in name',
  name_empty_segment: () => 'empty path segment (trailing or double slash)',
  name_not_nfc: () => 'name is not Unicode NFC',
  name_charset: () => 'characters outside A-Z a-z 0-9 . _ - /',
  name_duplicate: () => 'duplicate entry name',
  name_collision: ((p) =>
    `collides with "${p.other}" after Unicode normalisation or case folding`) as P<{
    other: string;
  }>,

  // --- container form ---
  zip_sound: ((p) =>
    `ZIP structure sound: ${p.count} entries, every byte accounted for, one reading for every ZIP tool`) as P<Count>,
  container_dalel: () => 'the container is exactly as Dalel writes it',
  container_repacked: ((p) =>
    `the container was re-packed (${p.changes.map((c) => FORM_CHANGE_EN[c]).join(', ')}); the signature covers the files, not the container, and every file was checked`) as P<{
    changes: FormChange[];
  }>,

  // --- JSON ---
  json_not_utf8: () => 'not valid UTF-8',
  json_invalid: ((p) => `not valid JSON (${p.detail})`) as P<{ detail: string }>,
  json_duplicate_key: ((p) => `duplicate key "${p.key}"`) as P<{ key: string }>,
  json_not_canonical: () =>
    'not in canonical form (RFC 8785: sorted keys, no whitespace, exact numbers)',
  json_lone_surrogate: () => 'lone surrogate in a string',
  shape_type: ((p) => `${p.path || '(root)'}: expected ${p.expected}`) as P<{
    path: string;
    expected:
      | 'string'
      | 'number'
      | 'integer'
      | 'non-negative integer'
      | 'boolean'
      | 'object'
      | 'array'
      | 'null';
  }>,
  shape_missing: ((p) => `${p.path}: missing`) as P<{ path: string }>,
  shape_unknown_key: ((p) => `${p.path || '(root)'}: unrecognized key "${p.key}"`) as P<{
    path: string;
    key: string;
  }>,
  shape_format: ((p) =>
    p.format === 'sha256'
      ? `${p.path}: hash algorithm not allowed: only sha256:<64 lower-case hex>`
      : `${p.path}: not a valid ${p.format}`) as P<{
    path: string;
    format: 'sha256' | 'datetime' | 'fingerprint' | 'package id' | 'base64' | 'redaction id';
  }>,
  shape_value: ((p) => `${p.path}: must be ${p.allowed}`) as P<{ path: string; allowed: string }>,
  at_line: ((p) => `line ${p.line}`) as P<{ line: number }>,
  at_event: ((p) => `event ${p.seq}`) as P<{ seq: number }>,

  // --- files against the manifest ---
  file_missing: () => 'missing',
  signature_file_missing: () => 'missing (signature stripped?)',
  file_unlisted: () => 'not listed in the manifest (added?)',
  file_listed_missing: () => 'listed in the manifest but missing',
  file_size: ((p) => `size ${p.size} bytes, manifest says ${p.listed}`) as P<{
    size: number;
    listed: number;
  }>,
  file_hash: ((p) => `SHA-256 ${p.hash} does not match the manifest (${p.listed}): altered`) as P<{
    hash: string;
    listed: string;
  }>,
  files_ok: ((p) =>
    `all ${p.count} listed files present with the right size and SHA-256`) as P<Count>,
  files_failed: ((p) => `${p.failed} of ${p.count} listed files failed`) as P<{
    failed: number;
    count: number;
  }>,
  manifest_ok: () => 'canonical JSON (RFC 8785) with the expected fields and algorithms',
  annex_unchecked: ((p) =>
    `in the unsigned annex ${p.dir}, but this verifier has no checker for it`) as P<{
    dir: string;
  }>,
  annex_entry_bad: ((p) =>
    `not allowed in the unsigned annex ${p.dir} (name or size: at most ${p.max} files of ${p.maxSize} bytes)`) as P<{
    dir: string;
    max: number;
    maxSize: number;
  }>,
  annex_present: ((p) =>
    `${p.count} file(s) in the unsigned annex ${p.dir}: not covered by the signature, checked by their own verifier`) as P<{
    count: number;
    dir: string;
  }>,

  annex_file_unknown: ((p) =>
    `not a time-stamp token (N.tsr) or its README: nothing else belongs in the unsigned annex ${p.dir}`) as P<{
    dir: string;
  }>,
  timestamp_trusted: ((p) =>
    `trusted time: signed no later than ${p.time}, by ${p.tsa} (${p.file})`) as P<{
    time: string;
    tsa: string;
    file: string;
  }>,
  timestamp_not_trusted: ((p) =>
    `this time-stamp token gives no trusted time (${p.reason}); the package is judged without it`) as P<{
    reason: string;
  }>,

  // --- a revoked signing key (revocation codes given to the verifier) ---
  revocation_unreadable: ((p) => `revocation code: ${p.detail}`) as P<{ detail: string }>,
  revocation_before_loss: ((p) =>
    `the signing key ${p.fingerprint} was revoked (lost ${p.since}), but this package was time-stamped at ${p.time} by ${p.tsa}, before the loss`) as P<{
    fingerprint: string;
    since: string;
    time: string;
    tsa: string;
  }>,
  revocation_no_date: ((p) =>
    `the signing key ${p.fingerprint} was revoked and no date of its loss was given: only a package time-stamped before the loss can be trusted`) as P<{
    fingerprint: string;
  }>,
  revocation_after_loss: ((p) =>
    `the signing key ${p.fingerprint} was revoked (lost ${p.since}) and this package has no trusted time before then (earliest: ${p.earliest}): it may have been made with the lost key`) as P<{
    fingerprint: string;
    since: string;
    earliest: string;
  }>,

  // --- signature and signer ---
  pem_not_canonical: () => 'not in the canonical PEM form Dalel writes',
  pem_not_base64: () => 'public key: not PEM or base64',
  pem_not_ed25519: () =>
    'public key: not an Ed25519 key (expected 32 raw bytes or an Ed25519 SPKI)',
  signature_ok: ((p) => `Ed25519 signature valid for key ${p.fingerprint}`) as P<{
    fingerprint: string;
  }>,
  signature_bad: () =>
    'signature does not verify with signer.pem (altered statement, wrong key or a degenerate key)',
  statement_key_mismatch: ((p) => `names key ${p.named}, but was signed by ${p.fingerprint}`) as P<{
    named: string;
    fingerprint: string;
  }>,
  statement_key_ok: () => 'key id matches the signing key',
  manifest_hash_ok: () => 'hash matches the signed statement',
  manifest_hash_bad: ((p) =>
    `SHA-256 ${p.hash} is not the signed ${p.signed}: manifest altered after signing`) as P<{
    hash: string;
    signed: string;
  }>,
  statement_fields_ok: () =>
    'package id, time, signer and custody checkpoint match the signed statement',
  statement_fields_bad: () =>
    'package id, time, signer or custody checkpoint differ from the signed statement',
  pin_bad: () => 'the expected key is not a fingerprint (32 hex digits, e.g. 3f2a-9c01-…)',
  pin_match: ((p) => `signer is the expected key ${p.fingerprint}`) as P<{ fingerprint: string }>,
  pin_via_rotation: ((p) =>
    `signer ${p.fingerprint} took over from the expected key ${p.pinned} by a handover signed with it (${p.steps} step(s))`) as P<{
    fingerprint: string;
    pinned: string;
    steps: number;
  }>,
  pin_mismatch: ((p) =>
    `unknown signer: signed by ${p.fingerprint}, not by the expected key ${p.pinned}, and no handover signed by ${p.pinned} leads to it`) as P<{
    fingerprint: string;
    pinned: string;
  }>,
  signer_unconfirmed: ((p) =>
    `signature intact, but the signer is NOT confirmed: compare the fingerprint ${p.fingerprint} with the one the sender gave you over a second channel (in person, by phone), then verify again with it`) as P<{
    fingerprint: string;
  }>,
  key_file_not_pin: () =>
    'a public key file is not a pin: the package carries its own signer.pem, and whoever altered it would give you theirs; use the fingerprint the sender told you',

  // --- key handover (rotation) ---
  rotation_ok: ((p) =>
    `key handover ${p.previous} → ${p.next} signed by the previous key (event ${p.seq})`) as P<{
    previous: string;
    next: string;
    seq: number;
  }>,
  rotation_unsigned: ((p) =>
    `key change ${p.previous} → ${p.next} (event ${p.seq}) carries no handover signed by the previous key: it proves nothing about who holds the new key`) as P<{
    previous: string;
    next: string;
    seq: number;
  }>,
  rotation_bad: ((p) =>
    `key change ${p.previous} → ${p.next} (event ${p.seq}): its handover is not valid (${ROTATION_PROBLEM_EN[p.reason]})`) as P<{
    previous: string;
    next: string;
    seq: number;
    reason: RotationProblem;
  }>,
  continuity_same: ((p) =>
    `signed by the same key as the earlier package (${p.fingerprint})`) as P<{
    fingerprint: string;
  }>,
  continuity_rotated: ((p) =>
    `signed by ${p.fingerprint}, which took over from the earlier package's key ${p.earlier} by a handover signed with it`) as P<{
    fingerprint: string;
    earlier: string;
  }>,
  continuity_broken: ((p) =>
    `signed by ${p.fingerprint}, but the earlier package was signed by ${p.earlier} and no handover signed by ${p.earlier} leads to the new key`) as P<{
    fingerprint: string;
    earlier: string;
  }>,

  // --- records ---
  record_missing: () => 'record missing or unreadable',
  record_id_mismatch: ((p) => `record id ${p.id} is not ${p.expected}`) as P<{
    id: string;
    expected: string;
  }>,
  capture_entry_mismatch: () => 'record does not match its manifest entry',
  capture_seal_bad: () => 'seal does not match the capture record (record altered after capture)',
  artifact_absent: () => 'artifact of the capture is not in the package',
  artifact_differs: ((p) => `differs from the hash recorded at capture time (${p.sha256})`) as P<{
    sha256: string;
  }>,
  captures_ok: ((p) => `${p.count} captures: seals and capture-time hashes match`) as P<Count>,

  // --- capturer protection: originals withheld, redacted working copies ---
  withheld_listed: ((p) =>
    `withheld: hash listed (${p.sha256}, ${p.size} bytes), bytes not included (${p.reason}${p.copy ? `; redacted copy ${p.copy}` : ''})`) as P<{
    sha256: string;
    size: number;
    reason: string;
    copy: string | null;
  }>,
  withheld_copy_unproven: ((p) =>
    `the redacted copy named in its place (${p.copy}) is not in the package as a sound redaction of this original`) as P<{
    copy: string;
  }>,
  withheld_included: () => 'listed as withheld and as included',
  redaction_ok: ((p) =>
    `redacted copy of ${p.original} (original ${p.sha256}): ${p.count} region(s) covered`) as P<{
    original: string;
    sha256: string;
    count: number;
  }>,
  redaction_seal_bad: () => 'seal does not match the redaction record',
  redaction_capture_absent: ((p) => `capture ${p.id} is not in the package`) as P<{ id: string }>,
  redaction_original_unknown: ((p) =>
    `${p.name} (${p.sha256}) is not an artifact of capture ${p.id}`) as P<{
    name: string;
    sha256: string;
    id: string;
  }>,
  redaction_copy_differs: ((p) =>
    `the redacted copy ${p.path} is missing or differs from the record`) as P<{ path: string }>,
  captures_failed: ((p) => `${p.count} captures failed their record checks`) as P<Count>,
  capture_no_entry_event: ((p) => `no "captured" or "imported" event for capture ${p.id}`) as P<{
    id: string;
  }>,
  capture_event_seal: ((p) =>
    `capture ${p.id} was sealed as ${p.sealed} (custody event ${p.seq}), but its record's seal is ${p.seal}: edited and re-sealed after capture`) as P<{
    id: string;
    sealed: string;
    seal: string;
    seq: number;
  }>,
  capture_event_url: ((p) =>
    `capture ${p.id} was taken of ${p.eventUrl} (custody event ${p.seq}), but its record says ${p.url}`) as P<{
    id: string;
    eventUrl: string;
    url: string;
    seq: number;
  }>,
  capture_event_actor: ((p) =>
    `capture ${p.id} entered custody by ${p.actor} (event ${p.seq}), which is neither the signer nor a key the signer took over from`) as P<{
    id: string;
    actor: string;
    seq: number;
  }>,
  captures_sealed_ok: ((p) =>
    `${p.count} captures: each seal is the one recorded in its custody event, by the signer`) as P<Count>,
  link_no_event: ((p) =>
    `tag ${p.id} has no "tagged" custody event with the same person, case, category and note`) as P<{
    id: string;
  }>,
  link_untagged: ((p) =>
    `tag ${p.id} was removed (custody event ${p.seq}) but is still in the package`) as P<{
    id: string;
    seq: number;
  }>,
  link_event_actor: ((p) =>
    `tag ${p.id} was made by ${p.actor} (event ${p.seq}), which is neither the signer nor a key it took over from nor an import`) as P<{
    id: string;
    actor: string;
    seq: number;
  }>,
  links_ok: ((p) => `${p.count} tags: each has its "tagged" custody event`) as P<Count>,

  // --- custody ---
  custody_missing: () => 'custody file missing or unreadable',
  custody_count: ((p) => `${p.count} events, manifest says ${p.listed}`) as P<{
    count: number;
    listed: number;
  }>,
  custody_order: () => 'events out of order or repeated',
  custody_beyond: ((p) => `event beyond the end of the log of ${p.size}`) as P<{ size: number }>,
  custody_hash: () => 'event content does not match its hash',
  custody_genesis: () => 'first event does not start the log',
  custody_link: () => 'does not follow the event before it',
  custody_head: () => 'the last event is not the signed head',
  custody_proof_malformed: ((p) => `custody proof is malformed: ${p.detail}`) as P<{
    detail: string;
  }>,
  custody_root: () => 'the events do not lead to the signed custody root',
  custody_not_extending: ((p) =>
    `the log does not extend its earlier checkpoint of ${p.size} events`) as P<{ size: number }>,
  custody_ok: ((p) =>
    `custody log intact: ${p.count} disclosed events proven in a log of ${p.size} against the signed Merkle root${p.earlier > 0 ? `, extending ${p.earlier} earlier export checkpoint(s)` : ''}`) as P<{
    count: number;
    size: number;
    earlier: number;
  }>,
  earlier_ok: ((p) => `extends the earlier checkpoint of ${p.size} events`) as P<{ size: number }>,
  earlier_bad: ((p) =>
    `does not extend the earlier checkpoint (${p.size} events, root ${p.root}): log truncated or rewritten, or no proof for it`) as P<{
    size: number;
    root: string;
  }>,

  // --- the verifier itself ---
  verifier_official: ((p) =>
    `verify.html in this package is the official build shipped with this verifier (${p.sha256})`) as P<{
    sha256: string;
  }>,
  verifier_other: ((p) =>
    `verify.html in this package (${p.sha256}) is NOT the build shipped with this verifier (${p.official}): do not rely on it; use this verifier or the released verify.html`) as P<{
    sha256: string;
    official: string;
  }>,
  internal_error: ((p) => `${p.detail}`) as P<{ detail: string }>,
} satisfies Record<string, P<never>>;

export type CheckCode = keyof typeof CHECK_MESSAGES_EN;
export type CheckParams<C extends CheckCode> = Parameters<(typeof CHECK_MESSAGES_EN)[C]>[0];

/** A translation: one function per code, with the same parameters. */
export type CheckMessages = { [C in CheckCode]: (params: CheckParams<C>) => string };

/** A code with its parameters, before it is put into words. */
export type Outcome = { [C in CheckCode]: { code: C; params: CheckParams<C> } }[CheckCode];

/** Build an outcome, type-checking the parameters against the code. */
export function outcome<C extends CheckCode>(
  code: C,
  ...params: CheckParams<C> extends Record<string, never> | undefined ? [] : [CheckParams<C>]
): Outcome {
  return { code, params: (params[0] ?? {}) as CheckParams<C> } as Outcome;
}

/** The words for an outcome, in English unless another table is given. */
export function renderOutcome(o: Outcome, table: CheckMessages = CHECK_MESSAGES_EN): string {
  return (table[o.code] as (p: unknown) => string)(o.params);
}
