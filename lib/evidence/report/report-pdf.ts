// report.pdf: the same report as report.html, as a PDF (court filings want PDF), made in the
// extension with an embedded subset of DejaVu Sans so Cyrillic and Kazakh text is shown and can
// be searched and copied. Screenshots are embedded within a budget, as in the HTML.
import { PdfDocument } from '../pdf/pdf-document';
import { readTrueType } from '../pdf/ttf';
import { paths } from '../manifest';
import type { ReportContext } from './report-html';
import { reportView, screenshotToShow } from './report-view';

export async function reportPdf(ctx: ReportContext, fontBytes: Uint8Array): Promise<Uint8Array> {
  const { input, meta } = ctx;
  const view = reportView(input, meta, input.language ?? 'en');
  const doc = new PdfDocument(readTrueType(fontBytes), {
    title: `${view.title}: ${view.scope}`,
    language: view.language,
    footer: (n, of) => `${view.title} ${meta.packageId.slice(0, 8)} — ${view.page(n, of)}`,
  });
  const list = (heading: string, items: string[]) => {
    if (!items.length) return;
    doc.paragraph(heading, { bold: true, size: 9.5, after: 1 });
    for (const item of items) doc.paragraph(`– ${item}`, { indent: 8, after: 1 });
    doc.paragraph('', { size: 4, after: 0 });
  };

  doc.heading(`${view.title}: ${view.scope}`, 1);
  doc.rows(view.meta, { anywhere: true });
  doc.heading(view.verifyHeading, 2);
  view.verifySteps.forEach((step, i) => doc.paragraph(`${i + 1}. ${step}`, { indent: 8 }));
  doc.paragraph(view.convenience, { muted: true });

  if (view.cases.length) {
    doc.heading(view.casesHeading, 2);
    for (const c of view.cases) {
      doc.heading(c.title, 3);
      doc.rows(c.rows);
      list(view.officials, c.officials);
      list(view.keyDates, c.dates);
      list(view.grounds, c.grounds);
    }
  }
  if (view.persons.length) {
    doc.heading(view.personsHeading, 2);
    for (const p of view.persons) {
      doc.heading(p.name, 3);
      doc.rows(p.rows);
    }
  }

  doc.pageBreak();
  doc.heading(view.capturesHeading, 2);
  let budget = ctx.options.reportImageBudget ?? 16 * 1024 * 1024;
  const limit = ctx.options.reportImageLimit ?? 4 * 1024 * 1024;
  for (const capture of input.captures) {
    const c = view.captureView(capture, ctx.files, ctx.withheld);
    doc.rule();
    doc.heading(c.heading, 3);
    doc.rows(c.rows, { anywhere: true });
    list(view.tagsHeading, c.tags);
    const shot = screenshotToShow(input, capture, ctx.withheld);
    if (shot) {
      const path = paths.artifact(capture.id, shot.name);
      let shown = false;
      if (shot.size <= limit && shot.size <= budget && shot.mediaType === 'image/png') {
        const bytes = new Uint8Array(
          await new Response(await input.openArtifact(shot.sha256)).arrayBuffer(),
        );
        shown = doc.image(bytes);
        if (shown) budget -= bytes.length;
      }
      if (shown)
        doc.paragraph(`${path} — ${shot.sha256}`, { muted: true, size: 7.5, anywhere: true });
      else doc.paragraph(view.shotTooLarge(path), { muted: true });
    }
    doc.paragraph(view.fieldsHeading, { bold: true, after: 1 });
    doc.rows(c.fields);
    doc.paragraph(view.filesHeading, { bold: true, after: 1 });
    for (const [path, role, size, hash] of c.files) {
      doc.paragraph(`${path} — ${role} — ${size}`, { size: 8.5, after: 0 });
      doc.paragraph(hash ?? '', { size: 7.5, muted: true, anywhere: true, indent: 8, after: 2 });
    }
  }

  doc.pageBreak();
  doc.heading(view.custodyHeading, 2);
  const [seqCol, , , subjectCol, actorCol, hashCol] = view.custodyColumns;
  for (const [seq, time, event, subject, actor, hash] of view.custodyRows) {
    doc.paragraph(`${seqCol} ${seq} · ${time} · ${event}`, { bold: true, size: 8.5, after: 0 });
    doc.paragraph(`${subjectCol}: ${subject}`, { size: 8.5, indent: 8, after: 0 });
    doc.paragraph(`${actorCol}: ${actor}`, {
      size: 7.5,
      indent: 8,
      muted: true,
      after: 0,
      anywhere: true,
    });
    doc.paragraph(`${hashCol}: ${hash}`, {
      size: 7.5,
      indent: 8,
      muted: true,
      anywhere: true,
      after: 4,
    });
  }
  doc.paragraph(view.footer, { muted: true });
  return doc.finish(meta.packageId);
}
