// integrity.md D6: removing the extension or losing the profile deletes the archive; only a
// backup package kept elsewhere survives, so the dashboard says what is in none.
import { describe, expect, it } from 'vitest';
import { seedDemoStore } from '../../../lib/demo/seed-store';
import { exportedEvent, writePackage } from '../../../lib/evidence/package-writer';
import { generateSigningKey, type SigningKey } from '../../../lib/evidence/signing';
import { backupStatus, overdueCaptures } from '../../../lib/services/backup-status';
import { buildPackageInput, type ExportScope } from '../../../lib/services/export-input';
import type { Store } from '../../../lib/store/store';
import { createTestStore } from '../store/test-store';

async function exportAndRecord(store: Store, signer: SigningKey, scope: ExportScope) {
  const input = await buildPackageInput(store, scope, {
    signer,
    tool: { name: 'dalel', version: 't' },
    now: store.ctx.now(),
  });
  const result = await writePackage(input, async () => {});
  await store.custody.record(exportedEvent(result, signer.fingerprint, store.ctx.now()));
}

describe('backup status', () => {
  it('counts the captures in no complete backup; a case export is not a backup', async () => {
    const signer = await generateSigningKey();
    const { store } = createTestStore();
    const { caseId } = await seedDemoStore(store);
    const captures = await store.captures.count();
    expect(captures).toBeGreaterThan(0);
    const first = (await store.custody.at(0))!.at;
    expect(await backupStatus(store)).toEqual({
      lastBackupAt: null,
      captures,
      notBackedUp: captures,
      atRiskSince: first,
    });

    await exportAndRecord(store, signer, { kind: 'case', ids: [caseId] });
    expect((await backupStatus(store)).lastBackupAt).toBeNull();

    await exportAndRecord(store, signer, { kind: 'all', ids: [] });
    const backup = await store.custody.head();
    expect(backup).toMatchObject({ type: 'exported', data: { scope: 'all' } });
    expect(await backupStatus(store)).toEqual({
      lastBackupAt: backup!.at,
      captures,
      notBackedUp: 0,
      atRiskSince: backup!.at,
    });
  });

  it('a new, empty archive has nothing at risk and no start date (no error)', async () => {
    const { store } = createTestStore();
    expect(await store.custody.count()).toBe(0);
    const status = await backupStatus(store);
    expect(status).toEqual({ lastBackupAt: null, captures: 0, notBackedUp: 0, atRiskSince: null });
    expect(overdueCaptures(status, new Date('2030-01-01T00:00:00Z'))).toBe(0);
  });

  it('reminds of captures in no backup once they have been so for over a week', () => {
    const at = '2026-05-01T10:00:00.000Z';
    const status = { lastBackupAt: null, captures: 3, notBackedUp: 3, atRiskSince: at };
    const days = (n: number) => new Date(Date.parse(at) + n * 86_400_000);
    expect(overdueCaptures(status, days(6))).toBe(0);
    expect(overdueCaptures(status, days(8))).toBe(3);
    expect(overdueCaptures({ ...status, notBackedUp: 0 }, days(30))).toBe(0);
    expect(overdueCaptures({ ...status, atRiskSince: null }, days(30))).toBe(0);
  });
});
