/** The code version stored with every run (moved to src/contract/version.ts, where results take it from). */
export { codeVersion, type CodeVersion } from '../contract/version.ts';
