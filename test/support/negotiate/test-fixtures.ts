/**
 * Paths of the GENIUS fixtures copied into the repository (tests only).
 * Resolved from this module's URL so tests work wherever the repo is cloned.
 */
import { fileURLToPath } from 'node:url';

/** Absolute path of a file in `data/genius/<folder>/<file>`. */
function geniusFixture(folder: string, file: string): string {
  return fileURLToPath(new URL(`../../../data/genius/${folder}/${file}`, import.meta.url));
}

/** The three files of the ANAC 2010 England–Zimbabwe domain. */
export const ENGLAND_ZIMBABWE = {
  domain: geniusFixture('anac2010-EnglandZimbabwe', 'EnglandZimbabwe_domain.xml'),
  a: geniusFixture('anac2010-EnglandZimbabwe', 'England.xml'),
  b: geniusFixture('anac2010-EnglandZimbabwe', 'Zimbabwe.xml'),
};

/** The three files of the ANAC 2010 Itex vs Cypress domain. */
export const ITEX_CYPRESS = {
  domain: geniusFixture('anac2010-ItexvsCypress', 'ItexvsCypress_domain.xml'),
  a: geniusFixture('anac2010-ItexvsCypress', 'ItexvsCypress_Itex.xml'),
  b: geniusFixture('anac2010-ItexvsCypress', 'ItexvsCypress_Cypress.xml'),
};

/** The three files of the ANAC 2010 Travel domain. */
export const TRAVEL = {
  domain: geniusFixture('anac2010-Travel', 'travel_domain.xml'),
  a: geniusFixture('anac2010-Travel', 'travel_chox.xml'),
  b: geniusFixture('anac2010-Travel', 'travel_fanny.xml'),
};
