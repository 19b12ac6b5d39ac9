import type { ArtifactRef } from '../../../lib/model/capture';
import { useI18n } from '../../i18n-context';

/** Every file of the capture with its size and full SHA-256: what a lawyer re-hashes. */
export function ArtifactTable({ artifacts }: { artifacts: readonly ArtifactRef[] }) {
  const { t, formatBytes } = useI18n();
  return (
    <div class="table-wrap">
      <table class="table" data-testid="artifact-table">
        <thead>
          <tr>
            <th scope="col">{t('artifactName')}</th>
            <th scope="col">{t('artifactRole')}</th>
            <th scope="col">{t('artifactSize')}</th>
            <th scope="col">SHA-256</th>
          </tr>
        </thead>
        <tbody>
          {artifacts.map((a) => (
            <tr key={a.name}>
              <td class="mono">{a.name}</td>
              <td>{t(`role_${a.role}`)}</td>
              <td class="nowrap">{formatBytes(a.size)}</td>
              <td class="mono hash">{a.sha256}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
