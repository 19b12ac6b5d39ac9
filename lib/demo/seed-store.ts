import type { Store } from '../store/store';
import { buildDemoStore } from './demo-input';
import { sampleCases, samplePersons } from './sample-data';

/**
 * Fills a store with the fictional sample data through the same repositories the extension
 * uses (persons, cases, sealed captures, links — each with its custody events). Returns the id
 * of the sample case in this store.
 */
export async function seedDemoStore(
  store: Store,
): Promise<{ caseId: string; personIds: string[] }> {
  const sample = await buildDemoStore(store.ctx.actor());
  const personIds = new Map<string, string>();
  for (const { id, name, aliases, accounts, notes } of samplePersons)
    personIds.set(id, (await store.persons.create({ name, aliases, accounts, notes })).id);
  const caseIds = new Map<string, string>();
  for (const { id, createdAt: _c, updatedAt: _u, ...input } of sampleCases)
    caseIds.set(id, (await store.cases.create(input)).id);
  for (const capture of sample.captures) {
    const artifacts = capture.artifacts.map((ref) => ({
      sha256: ref.sha256,
      blob: new Blob([sample.blobs.get(ref.sha256)! as Uint8Array<ArrayBuffer>], {
        type: ref.mediaType,
      }),
      mediaType: ref.mediaType,
    }));
    await store.captures.seal(capture, artifacts);
  }
  for (const link of sample.links) {
    await store.links.add({
      captureId: link.captureId,
      personId: link.personId ? personIds.get(link.personId)! : null,
      caseId: link.caseId ? caseIds.get(link.caseId)! : null,
      category: link.category,
      note: link.note,
    });
  }
  return { caseId: caseIds.get(sampleCases[0]!.id)!, personIds: [...personIds.values()] };
}
