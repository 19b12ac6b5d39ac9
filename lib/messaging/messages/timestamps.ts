import { caPemSchema, tsaUrlSchema } from '../../model/timestamp-authority';
import { message, type Access } from './define';

/**
 * Trusted time: try a TSA before saving it (a test stamp of a random hash), and the queue of
 * capture-time stamps. The TSAs themselves are settings (`settings.set`).
 */
export const timestampMessages = [
  message('tsa.test', { url: tsaUrlSchema, caPem: caPemSchema }),
  message('tsa.queue', {}),
  message('tsa.retry', {}),
] as const;

export const timestampAccess = {
  'tsa.test': 'extension-page',
  'tsa.queue': 'extension-page',
  'tsa.retry': 'extension-page',
} as const satisfies Record<(typeof timestampMessages)[number]['shape']['type']['value'], Access>;
