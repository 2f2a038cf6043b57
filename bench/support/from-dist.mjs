// `node --import tsx --import ./bench/support/from-dist.mjs …`: every import of the platform's
// `src/` (from the bench and from test/support) loads the tsc build in `dist/` instead, which is
// what `a64 serve` runs. Run from src/ through tsx, each closure made at run time also gets a name
// set by esbuild's `__name` helper, a cost the shipped build has not. `npm run bench` builds first.
import { register } from 'node:module';

register('./from-dist-hook.mjs', import.meta.url);
