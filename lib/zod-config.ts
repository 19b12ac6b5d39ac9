import { z } from 'zod';

// zod probes `new Function` to decide whether to JIT its parsers; extension pages and the MV3
// service worker forbid eval, so the probe would only log a CSP violation. Import this first.
z.config({ jitless: true });
