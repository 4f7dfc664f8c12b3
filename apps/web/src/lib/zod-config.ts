import { z } from 'zod';

// zod compiles validators with `new Function` unless told not to; our CSP forbids eval, and the
// probe alone is reported as a violation. Imported first by main.tsx, before any schema exists.
z.config({ jitless: true });
