import { defineGoldenTests } from './support/golden/define.ts';

defineGoldenTests('gravity');
