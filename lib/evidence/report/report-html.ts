// report.html: what a lawyer reads, in the language chosen at export. Self-contained (inline
// CSS, screenshots as data: URIs within a budget, no script, CSP forbids any network access) and
// generated part by part so large packages never hold the whole report or all screenshots.
import type { Capture } from '../../model/capture';
import { toBase64 } from '../hex';
import type { ManifestFile, WithheldFile } from '../manifest';
import { paths } from '../manifest';
import type { PackageInput, PackageOptions } from '../package-input';
import type { PackageMeta } from '../readme-txt';
import { reportCss } from './report-css';
import { reportView, screenshotToShow, type ReportView, type Rows } from './report-view';

export interface ReportContext {
  input: PackageInput;
  meta: PackageMeta;
  files: ManifestFile[];
  options: PackageOptions;
  /** Originals left out (their redacted copies are shown instead), by package path. */
  withheld?: ReadonlyMap<string, WithheldFile>;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** HTML-escape any text that came from a captured page or the user. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const table = (rows: Rows, cls = 'kv'): string => {
  const body = rows
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`)
    .join('');
  return body ? `<table class="${cls}">${body}</table>` : '';
};
const list = (heading: string, items: string[]) =>
  items.length
    ? `<h4>${esc(heading)}</h4><ul>${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`
    : '';

export async function* reportHtml(ctx: ReportContext): AsyncGenerator<string> {
  const { input, meta } = ctx;
  const view = reportView(input, meta, input.language ?? 'en');
  yield `<!doctype html><html lang="${view.language}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(view.title)}: ${esc(view.scope)}</title><style>${reportCss}</style></head><body>
<h1>${esc(view.title)}: ${esc(view.scope)}</h1>${table(view.meta)}
<section class="verify"><h2>${esc(view.verifyHeading)}</h2><ol>${view.verifySteps
    .map((s) => `<li>${esc(s)}</li>`)
    .join('')}</ol>
<p>${esc(view.convenience)}</p></section>\n`;
  if (view.cases.length)
    yield `<h2>${esc(view.casesHeading)}</h2>${view.cases
      .map(
        (c) =>
          `<article><h3>${esc(c.title)}</h3>${table(c.rows)}${list(view.officials, c.officials)}${list(view.keyDates, c.dates)}${list(view.grounds, c.grounds)}</article>`,
      )
      .join('\n')}\n`;
  if (view.persons.length)
    yield `<h2>${esc(view.personsHeading)}</h2>${view.persons
      .map((p) => `<article><h3>${esc(p.name)}</h3>${table(p.rows)}</article>`)
      .join('\n')}\n`;
  yield `<h2>${esc(view.capturesHeading)}</h2>\n`;
  let budget = ctx.options.reportImageBudget ?? 16 * 1024 * 1024;
  for (const capture of input.captures) {
    const { html, used } = await captureHtml(ctx, view, capture, budget);
    budget -= used;
    yield html;
  }
  yield `<h2>${esc(view.custodyHeading)}</h2>
<table class="files"><tr>${view.custodyColumns.map((c) => `<th>${esc(c)}</th>`).join('')}</tr>${view.custodyRows
    .map(
      (r) =>
        `<tr>${r.map((v, i) => `<td${i >= 4 ? ' class="hash"' : ''}>${esc(v)}</td>`).join('')}</tr>`,
    )
    .join('')}</table>\n`;
  yield `<footer>${esc(view.footer)}</footer></body></html>\n`;
}

async function captureHtml(
  ctx: ReportContext,
  view: ReportView,
  capture: Capture,
  budget: number,
): Promise<{ html: string; used: number }> {
  const c = view.captureView(capture, ctx.files, ctx.withheld);
  const { html: shot, used } = await screenshotHtml(ctx, view, capture, budget);
  const fields = c.fields.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('');
  const files = c.files
    .map(
      ([path, role, size, hash]) =>
        `<tr><td>${esc(path)}</td><td>${esc(role)}</td><td>${esc(size)}</td><td class="hash">${esc(hash)}</td></tr>`,
    )
    .join('');
  const html = `<article class="capture" id="${esc(c.anchor)}"><h3>${esc(c.heading)}</h3>
${table(c.rows)}${list(view.tagsHeading, c.tags)}${shot}
<h4>${esc(view.fieldsHeading)}</h4><table class="fields">${fields}</table>
<h4>${esc(view.filesHeading)}</h4><table class="files"><tr>${view.fileColumns
    .map((h) => `<th>${esc(h)}</th>`)
    .join('')}</tr>${files}</table></article>\n`;
  return { html, used };
}

async function screenshotHtml(
  ctx: ReportContext,
  view: ReportView,
  capture: Capture,
  budget: number,
): Promise<{ html: string; used: number }> {
  const shot = screenshotToShow(ctx.input, capture, ctx.withheld);
  const full = capture.artifacts.find((a) => a.role === 'screenshot_full');
  if (!shot) {
    const path = full ? paths.artifact(capture.id, full.name) : null;
    return {
      html: path ? `<p class="shot">${esc(view.shotFull(path))}</p>` : '',
      used: 0,
    };
  }
  const path = paths.artifact(capture.id, shot.name);
  const limit = ctx.options.reportImageLimit ?? 4 * 1024 * 1024;
  if (shot.size > limit || shot.size > budget || !/^image\/(png|jpeg|webp)$/.test(shot.mediaType)) {
    return { html: `<p class="shot">${esc(view.shotTooLarge(path))}</p>`, used: 0 };
  }
  const data = await ctx.input.openArtifact(shot.sha256);
  const bytes = new Uint8Array(await new Response(data).arrayBuffer());
  const src = `data:${shot.mediaType};base64,${toBase64(bytes)}`;
  return {
    html: `<figure class="shot"><img alt="${esc(view.shotAlt(capture))}" src="${src}"><figcaption>${esc(path)} — ${esc(shot.sha256)}</figcaption></figure>`,
    used: bytes.length,
  };
}
