import { inject } from 'vitest';
import { bindRgw, type RgwInfo } from '../../support/rgw/admin';

declare module 'vitest' {
  export interface ProvidedContext {
    rgw: RgwInfo | null;
  }
}

/** The cluster the vitest global setup booted, or null (binaries absent: the tests skip). */
export const rgw = inject('rgw');
bindRgw(rgw);

export * from '../../support/rgw/admin';
