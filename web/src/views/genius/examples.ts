/** The GENIUS example domains the app ships (ANAC 2010, data/genius/): a domain and both parties' profiles. */
import ezDomain from '../../../../data/genius/anac2010-EnglandZimbabwe/EnglandZimbabwe_domain.xml?raw';
import ezEngland from '../../../../data/genius/anac2010-EnglandZimbabwe/England.xml?raw';
import ezZimbabwe from '../../../../data/genius/anac2010-EnglandZimbabwe/Zimbabwe.xml?raw';
import icDomain from '../../../../data/genius/anac2010-ItexvsCypress/ItexvsCypress_domain.xml?raw';
import icItex from '../../../../data/genius/anac2010-ItexvsCypress/ItexvsCypress_Itex.xml?raw';
import icCypress from '../../../../data/genius/anac2010-ItexvsCypress/ItexvsCypress_Cypress.xml?raw';

interface Example {
  id: string;
  label: string;
  parties: [string, string];
  domain: string;
  a: string;
  b: string;
  source: string;
}

export const EXAMPLES: Example[] = [
  {
    id: 'england-zimbabwe',
    label: 'England–Zimbabwe (ANAC 2010, 576 outcomes)',
    parties: ['England', 'Zimbabwe'],
    domain: ezDomain,
    a: ezEngland,
    b: ezZimbabwe,
    source:
      'GENIUS negotiation platform, ANAC 2010 domain England–Zimbabwe (TU Delft); data/genius/anac2010-EnglandZimbabwe',
  },
  {
    id: 'itex-cypress',
    label: 'Itex vs Cypress (ANAC 2010, 180 outcomes)',
    parties: ['Itex', 'Cypress'],
    domain: icDomain,
    a: icItex,
    b: icCypress,
    source:
      'GENIUS negotiation platform, ANAC 2010 domain Itex vs Cypress (TU Delft); data/genius/anac2010-ItexvsCypress',
  },
];
