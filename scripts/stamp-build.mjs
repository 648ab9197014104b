// Marks the end of a successful `npm run build:lib` (dist/.built): bin/lancaster.js refuses to run
// without it and compares its time with the sources' (tsc does not rewrite unchanged outputs).
import { writeFileSync } from 'node:fs';

writeFileSync(new URL('../dist/.built', import.meta.url), `${new Date().toISOString()}\n`);
