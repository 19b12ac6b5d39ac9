import { recordRows, type RecordRow } from '../../capture/record-rows';
import { articleWithWording } from '../../bulletin/articles';
import { textFormatFor } from '../../i18n/catalogs';
import { englishCatalog } from '../../i18n/english';
import type { TextFormat } from '../../i18n/format';
import type { Language } from '../../i18n/translator';
import { matchWarning } from '../../i18n/warnings';
import type { Capture } from '../../model/capture';
import type { CustodyEvent } from '../../model/custody';
import type { LegalCase } from '../../model/legal-case';
import { summarizeCapture } from '../../search/capture-summary';
import type { ArtifactRef } from '../../model/capture';
import type { ManifestFile, WithheldFile } from '../manifest';
import { paths } from '../manifest';
import type { PackageInput } from '../package-input';
import type { PackageMeta } from '../readme-txt';

export type Rows = Array<[string, string]>;

export interface CaseView {
  title: string;
  rows: Rows;
  officials: string[];
  dates: string[];
  grounds: string[];
}

export interface CaptureView {
  anchor: string;
  heading: string;
  rows: Rows;
  tags: string[];
  fields: RecordRow[];
  files: string[][];
}

/**
 * What the reports in a package say, in the language chosen at export, with human labels (the
 * case's title, the person's name, "Instagram post", "suspended") rather than raw values and
 * internal ids. report.html and report.pdf print the same view.
 */
export function reportView(input: PackageInput, meta: PackageMeta, language: Language) {
  const f = textFormatFor(language);
  const { t, tn } = f;
  const q = (s: string) => t('report_quote', s);
  const personName = (id: string | null) =>
    (id && input.persons.find((p) => p.id === id)?.name) ?? null;
  const caseTitle = (id: string | null) =>
    (id && input.cases.find((c) => c.id === id)?.title) ?? null;

  const scope = (() => {
    const [id = null] = input.scope.ids;
    switch (input.scope.kind) {
      case 'case':
        return t('report_scopeCase', caseTitle(id) ?? '');
      case 'person':
        return t('report_scopePerson', personName(id) ?? '');
      case 'selection':
        return t('report_scopeSelection', tn('countCaptures', input.captures.length));
      default:
        return t('report_scopeAll');
    }
  })();

  const what = (c: Capture) => {
    const s = summarizeCapture(c);
    return [`${t(`platform_${c.platform}`)} · ${t(`kind_${c.kind}`)}`, s.author]
      .filter(Boolean)
      .join(' — ');
  };

  const caseView = (c: LegalCase): CaseView => ({
    title: c.title,
    rows: [
      [t('caseArticle'), articleWithWording(c.article, language, q)],
      [t('caseNumber'), c.caseNumber],
      [t('caseJurisdiction'), c.jurisdiction],
      [t('caseStatus'), t(`status_${c.status}`)],
      [t('notes'), c.notes],
    ],
    officials: c.officials.map((o) =>
      [o.name, t(`role_official_${o.role}`), o.position].filter(Boolean).join(' — '),
    ),
    dates: [...c.dates]
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((d) => `${f.formatDay(d.date)} — ${d.label}`),
    grounds: (c.grounds ?? []).map((g) =>
      [
        g.date && f.formatDay(g.date),
        g.text,
        personName(g.personId),
        g.source && t('report_groundSource', g.source),
      ]
        .filter(Boolean)
        .join(' — '),
    ),
  });

  const captureView = (
    c: Capture,
    files: readonly ManifestFile[],
    withheld?: ReadonlyMap<string, WithheldFile>,
  ): CaptureView => {
    const m = c.metadata;
    // Each value says who reported it: the page can rewrite its own address and title.
    const by = (source: string) => ` (${t(`source_${source}`)})`;
    const addresses: Rows = m.sources
      ? [
          [t('envLoadedUrl') + by('browser'), m.requestedUrl],
          [t('envTabUrl') + by('browser'), m.tabUrl ?? ''],
          [t('envPageUrl') + by('page'), m.finalUrl],
          [t('report_title') + by('page'), m.title],
        ]
      : [
          [t('report_finalUrl'), m.finalUrl !== c.url ? m.finalUrl : ''],
          [t('report_title'), m.title],
        ];
    const warnings = c.warnings.map((w) => {
      const own = matchWarning(englishCatalog, w);
      return own ? t(own.key, ...own.params) : w;
    });
    const kept = new Map(files.map((x) => [x.path, x]));
    return {
      anchor: `capture-${c.id}`,
      heading: what(c),
      rows: [
        [t('report_sourceUrl'), c.url],
        ...addresses,
        [t('report_capturedFrom') + by('device'), f.formatUtc(m.startedAt)],
        [t('report_capturedTo') + by('device'), f.formatUtc(m.endedAt)],
        [t('report_sealed'), f.formatUtc(c.sealedAt)],
        [t('envTimeZone'), m.timeZone],
        [
          t('envServerDate') + (m.serverDateFrom ? ` (${m.serverDateFrom})` : by('server')),
          m.serverDate ?? '',
        ],
        [t('envBrowser'), m.browser],
        [t('envExtension'), m.extensionVersion],
        [t('fieldExtractor'), `${m.extractor.name} ${m.extractor.version}`],
        [t('report_seal'), c.seal],
        [t('envOmissions'), m.omissions.join('; ')],
        [t('envWarnings'), warnings.join('; ')],
      ],
      tags: input.links
        .filter((l) => l.captureId === c.id)
        .map((l) =>
          [t(`category_${l.category}`), personName(l.personId), caseTitle(l.caseId), l.note]
            .filter(Boolean)
            .join(' — '),
        ),
      fields: recordRows(c.record, t, { time: f.formatUtc, number: f.formatNumber }),
      files: [
        ...c.artifacts.map((a) => {
          const path = paths.artifact(c.id, a.name);
          // A withheld original: its hash is listed, its bytes are not in the package.
          const shown = withheld?.has(path) ? `${path} (${t('report_withheldNote')})` : path;
          return [
            shown,
            t(`role_${a.role}`),
            f.formatBytes(kept.get(path)?.size ?? a.size),
            a.sha256,
          ];
        }),
        ...(input.redactions ?? [])
          .filter((r) => r.captureId === c.id)
          .map((r) => [
            paths.artifact(c.id, r.derived.name),
            t('report_redactedCopy', r.original.name, tn('countRegions', r.regions.length)),
            f.formatBytes(r.derived.size),
            r.derived.sha256,
          ]),
      ],
    };
  };

  const subject = (e: CustodyEvent) => {
    const { kind, id } = e.subject;
    const label =
      kind === 'person'
        ? personName(id)
        : kind === 'case'
          ? caseTitle(id)
          : kind === 'capture'
            ? (() => {
                const c = input.captures.find((x) => x.id === id);
                return c ? what(c) : null;
              })()
            : null;
    const tagged =
      e.type === 'tagged' || e.type === 'untagged'
        ? [personName(str(e.data.personId)), caseTitle(str(e.data.caseId))]
            .filter(Boolean)
            .join(' · ')
        : '';
    return `${t(`subject_${kind}`)}: ${label ?? id}${tagged ? ` → ${tagged}` : ''}`;
  };

  return {
    language,
    format: f,
    title: t('report_heading'),
    scope,
    meta: [
      [t('report_scope'), scope],
      [t('report_created'), f.formatUtc(meta.created)],
      [t('report_tool'), `${meta.tool.name} ${meta.tool.version}`],
      [t('report_signedBy'), meta.fingerprint],
      [
        t('report_checkpoint'),
        t(
          'report_checkpointValue',
          tn('countEvents', meta.checkpoint.size),
          meta.checkpoint.head,
          meta.checkpoint.root,
        ),
      ],
      [t('exportPackageId'), meta.packageId],
    ] as Rows,
    verifyHeading: t('report_verifyHeading'),
    verifySteps: [1, 2, 3, 4].map((n) => t(`report_verify${n}`)),
    convenience: t('report_convenience'),
    casesHeading: t('navCases'),
    cases: input.cases.map(caseView),
    officials: t('officials'),
    keyDates: t('keyDates'),
    grounds: t('groundsRecorded'),
    personsHeading: t('navPersons'),
    persons: input.persons.map((p) => ({
      name: p.name,
      rows: [
        [t('report_aliases'), p.aliases.join(', ')],
        [
          t('accounts'),
          p.accounts
            .map((a) => `${t(`platform_${a.platform}`)}: @${a.handle}${a.url ? ` (${a.url})` : ''}`)
            .join('; '),
        ],
        [t('notes'), p.notes],
      ] as Rows,
    })),
    capturesHeading: t('report_capturesHeading', tn('countCaptures', input.captures.length)),
    captureView,
    tagsHeading: t('tagsHeading'),
    shotHeading: t('screenshots'),
    shotAlt: (c: Capture) => t('screenshotAlt', c.url),
    shotTooLarge: (path: string) => t('report_shotTooLarge', path),
    shotFull: (path: string) => t('report_shotFull', path),
    fieldsHeading: t('extractedFields'),
    filesHeading: t('filesAndHashes'),
    fileColumns: [t('artifactName'), t('artifactRole'), t('artifactSize'), 'SHA-256'],
    custodyHeading: t(
      'report_custodyHeading',
      tn('countEvents', input.custody.events.length),
      f.formatNumber(input.custody.checkpoint.size),
    ),
    custodyColumns: [
      t('custodySeq'),
      t('custodyTime'),
      t('custodyEvent'),
      t('custodySubject'),
      t('report_actor'),
      t('custodyHash'),
    ],
    custodyRows: input.custody.events.map((e) => [
      String(e.seq),
      f.formatUtc(e.at),
      t(`event_${e.type}`),
      subject(e),
      e.actor,
      e.hash,
    ]),
    footer: t(
      'report_generated',
      `${meta.tool.name} ${meta.tool.version}`,
      f.formatUtc(meta.created),
    ),
    page: (n: number, of: number) => t('report_page', n, of),
  };
}

export type ReportView = ReturnType<typeof reportView>;

/**
 * The viewport screenshot a report shows: the original, or its redacted copy when the original
 * was withheld (it shows the monitor's own account). Full-page ones are left out: often tens of MB.
 */
export function screenshotToShow(
  input: PackageInput,
  capture: Capture,
  withheld?: ReadonlyMap<string, WithheldFile>,
): ArtifactRef | undefined {
  const original = capture.artifacts.find((a) => a.role === 'screenshot');
  if (!original || !withheld?.has(paths.artifact(capture.id, original.name))) return original;
  const copy = input.redactions?.find(
    (r) => r.captureId === capture.id && r.original.sha256 === original.sha256,
  );
  return copy
    ? { ...original, name: copy.derived.name, sha256: copy.derived.sha256, size: copy.derived.size }
    : undefined;
}
export type { TextFormat };

const str = (v: unknown) => (typeof v === 'string' ? v : null);
