/**
 * Cross-border ownership of chip value added in multisector-2025 (issue 13; docs/controls.md,
 * "Ownership and national income"): the US share of the SEMI value added of Taiwan and Korea — the
 * design income of US fabless firms embodied in chips fabricated there.
 *
 *   o_{USA←r} = (F_r / Y_r) × s_US × d
 *
 * F_r: contract-foundry revenue in r; Y_r: r's SEMI gross output in the built table (so F/Y is the
 * share of r's chip output made to order for outside designers); s_US: share of foundry revenue from
 * North American (US) customers; d: the design stage's share of the value added of the chip value
 * chain. Every factor comes from foundry and industry sources, not from the figures of the US chip
 * firms the model is compared with (Nvidia's and AMD's H20/MI308 charges, docs/controls.md).
 */
import type { DatasetManifest } from '../../manifest.ts';

type Link = NonNullable<DatasetManifest['ownership']>[number];

/** TSMC consolidated revenue 2023 (million USD). */
const TSMC_REVENUE_2023 = 69_300;
/** TSMC revenue by customer location: North America. */
const TSMC_NORTH_AMERICA = 0.76;
/** Samsung Electronics semiconductor revenue 2023 (million USD) and the foundry share of it (2022). */
const SAMSUNG_SEMI_REVENUE_2023 = 43_400;
const SAMSUNG_FOUNDRY_SHARE = 0.28;
/** Design's share of the value added of the semiconductor value chain. */
const DESIGN_SHARE = 0.56;

export const OWNERSHIP_SOURCES: DatasetManifest['provenance']['sources'] = [
  {
    name: 'TSMC revenue by customer location (North America 76%, China 9%)',
    citation:
      'The Motley Fool research, "TSMC revenue" ' +
      '(https://www.fool.com/research/tsmc-revenue/), via specs/critical-supply-2025.md §4b',
    licence: 'Cited figure only',
  },
  {
    name: 'TSMC Annual Report 2023: consolidated revenue $69.3bn',
    citation: 'https://alexdenne.com/citations/tsmc-2024 (summary of TSMC Annual Report 2023)',
    licence: 'Cited figure only',
  },
  {
    name:
      'Samsung semiconductor revenue 2023 $43.4bn (Counterpoint); foundry 28% ' +
      'of Samsung semiconductor revenue in 2022 (Omdia)',
    citation:
      'https://titanworld.co.uk/2024/01/28/samsung-loses-top-spot-as-nvidia-surges ; ' +
      'https://meterpreter.org/samsungs-foundry-business-revenue-exceeded-20-billion-last-year',
    licence: 'Cited figures only',
  },
  {
    name: 'Design ≈ 56% of the semiconductor value chain; US 68% of the fabless segment (2021)',
    citation:
      'https://skillsurf.github.io/art_of_aicd/content/1.5-ecosystem-intro.html (on the SIA/BCG value-chain studies)',
    licence: 'Cited figures only',
  },
];

/** The links, given the built table's SEMI output of Taiwan and Korea (million USD). */
export function semiOwnership(semiOutput: { TWN: number; KOR: number }): {
  links: Link[];
  assumption: { what: string; why: string };
} {
  const fTwn = TSMC_REVENUE_2023 / semiOutput.TWN;
  const fKor = (SAMSUNG_SEMI_REVENUE_2023 * SAMSUNG_FOUNDRY_SHARE) / semiOutput.KOR;
  const oTwn = fTwn * TSMC_NORTH_AMERICA * DESIGN_SHARE;
  const oKor = fKor * TSMC_NORTH_AMERICA * DESIGN_SHARE;
  const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
  const links: Link[] = [
    {
      owner: 'USA',
      region: 'TWN',
      sector: 'SEMI',
      share: r4(oTwn),
      derivation:
        `(TSMC revenue 2023 ${TSMC_REVENUE_2023 / 1000}bn / TWN SEMI output ` +
        `${(semiOutput.TWN / 1000).toFixed(1)}bn = ${fTwn.toFixed(3)}) × North America ` +
        `${TSMC_NORTH_AMERICA} of TSMC revenue × design ${DESIGN_SHARE} of chip value added`,
    },
    {
      owner: 'USA',
      region: 'KOR',
      sector: 'SEMI',
      share: r4(oKor),
      derivation:
        `(Samsung foundry ${SAMSUNG_FOUNDRY_SHARE} × Samsung semiconductor revenue 2023 ` +
        `${SAMSUNG_SEMI_REVENUE_2023 / 1000}bn / KOR SEMI output ${(semiOutput.KOR / 1000).toFixed(1)}bn = ` +
        `${fKor.toFixed(3)}) × US customers ${TSMC_NORTH_AMERICA} (ASSUMED equal to TSMC's; not sourced for ` +
        `Samsung) × design ${DESIGN_SHARE}`,
    },
  ];
  return {
    links,
    assumption: {
      what:
        `US ownership of chip value added: USA owns ${r4(oTwn)} of TWN's and ${r4(oKor)} of KOR's SEMI value ` +
        `added and kept rents (o = foundry share of the region's SEMI output × US-customer share × design ` +
        `share; ${links.map((l) => `${l.region}: ${l.derivation}`).join('; ')})`,
      why:
        "A chip designed by a US firm and fabricated in Taiwan or Korea is recorded as that region's output and " +
        "export at full value, while the design margin is US firms' income (critical-supply-2025 §4b). The factors " +
        'are foundry and industry figures, independent of the Nvidia and AMD results the model is compared with. ' +
        'Conservative: only contract-foundry output counts (MediaTek, memory and OSAT output are Taiwanese or ' +
        "Korean), and design is taken at its value-chain share. Korea's US-customer share is an assumption " +
        "(TSMC's). Other cross-border ownership (portfolio equity, multinationals elsewhere) is not in the data: " +
        'zero.',
    },
  };
}
