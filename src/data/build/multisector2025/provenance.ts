/** Sources, method and assumptions of multisector-2025, as written into its manifest. */
import type { DatasetManifest } from '../../manifest.ts';
import type { ChainLink } from '../multisector2025.ts';
import type { PieceReport } from './satellites.ts';
import type { UpdateReport } from './update.ts';
import { DOMESTIC_CAP, FINAL_CAP, INSIDE_CAP, OUTSIDE_CAP, type CarveReport } from './regions.ts';

type Source = DatasetManifest['provenance']['sources'][number];

export const SOURCES: Source[] = [
  {
    name: 'WIOD 2013 release, world input–output table 2011 (19-region aggregate agg_19x35)',
    citation:
      'Timmer, Dietzenbacher, Los, Stehrer & de Vries (2015) "An Illustrated User Guide to the World ' +
      'Input-Output Database: the Case of Global Automotive Production", Review of International Economics ' +
      '23:575-605',
    repository: 'github.com/bquast/wiod (R package wiod 0.4.0)',
    commit: '59a28ac22fbd7751ea84c0f33722b5246b0af46d',
    path: 'data/wiot_2011.RData',
    licence: 'GPL-3 for the R package; WIOD asks for the citation (no explicit licence found for the 2013 release)',
  },
  {
    name: 'BACI 2023 bilateral goods trade and WDI GDP (Liberation Day replication inputs)',
    citation:
      'Ignatenko, Macedoni, Lashkaripour & Simonovska (2025) "Making America Great Again? The Economic Impacts ' +
      'of Liberation Day Tariffs", Journal of International Economics; CEPII BACI HS22 V202501; World Bank WDI',
    repository: 'github.com/JoeLoera/liberation-day-replication',
    commit: 'e1f26fdbebd5de80daaad03bdb8dbca1cf24e22d',
    path: 'data/base_data/{trade_cepii,gdp}.csv',
    licence: 'No licence in the repository; BACI Etalab Open Licence 2.0 (attribution), WDI CC BY 4.0',
  },
  {
    name: '2014 applied tariffs by importer, exporter and 16 WIOD-based sectors (UNCTAD TRAINS via the authors)',
    citation:
      'Lashkaripour & Lugovskyy (2023) "Profits, Scale Economies, and the Gains from Trade ' +
      'and Industrial Policy", American Economic Review 113(10):2759-2808',
    repository: 'github.com/InessaDeAngelis/AER_code_translation',
    commit: 'f7c192b43c71a13226d0e9238ab0a1edf546cc84',
    path: 'Oct_2023_Issue/Trade_and_Industrial_Policy/Original_materials/Matlab/input/AGG_T.csv',
    licence: 'MIT (repository); TRAINS terms for the raw tariffs; cite the paper',
  },
  {
    name: 'US Section 301 tariff lists on China (HTS8, Lists 1–4B)',
    repository: 'github.com/mitsuoxv/us-tariffs-on-china',
    commit: '0665b94ceb802cca8954a7e32bfab2fbfabf214c',
    path: 'data/tariff_list.rdata',
    licence: 'No licence file; the lists are US government documents (public domain)',
  },
  {
    name: 'Trade War Tracker: US 2024 imports from China by HS2 (weights)',
    repository: 'github.com/tradewartracker/trade-war-redux-2025',
    commit: '726c5958e1e43eb08ac076a1e602ae3149164b03',
    path: 'hs2-tariff-china-5700.csv',
    licence: 'MIT',
  },
  {
    name: 'Caliendo & Parro (2015) trade elasticities',
    citation:
      'Caliendo, L. and Parro, F. (2015) "Estimates of the Trade and Welfare ' +
      'Effects of NAFTA", Review of Economic Studies 82(1):1-44',
    repository: 'github.com/paulofelipe/cp2015',
    commit: 'ecf59b9198732cdfa634203c4d8ddf14e8272790',
    path: 'data/cp2015_nafta.rda (theta, 1993 trade for weights)',
    licence: "MIT (package); authors' replication data, credit CP 2015",
  },
  {
    name:
      'Satellite sizing tables for REE and SEMI (USGS MCS 2025, IEA, GACC, ' +
      'SIA/WSTS, SEMI, Nikkei and others as cited row by row)',
    repository: 'project satellites folder (../shared/data/satellites; README.md lists the page of every number)',
    path:
      'ree_a_*.csv, ree_b_trade.csv, ree_c_downstream_uses_and_events.csv, ' +
      'semi_a_sales_and_capacity.csv, semi_b_trade.csv, concordance_*.csv',
    licence: 'Facts compiled from public pages (mostly secondary sources); cite the primary sources named in the rows',
  },
  {
    name: 'HS2007 → ISIC Rev.3 → WIOD 2013 concordance (line shares)',
    repository: 'github.com/insongkim/concordance',
    commit: '201c812',
    path: 'data-raw/JobID-48_Concordance_H3_to_I3.CSV + data-raw/clean-upstream.R',
    licence: 'GPL (R package concordance); WITS concordance tables',
  },
  {
    name:
      'PIIE US–China trade-war tariff chart (averages on 20 January 2025: US on ' +
      'China 20.8%; China on the US 21.2%, derived 32.6 − 11.4)',
    citation: 'Bown, C. P., "US-China Trade War Tariffs: An Up-to-Date Chart", PIIE',
    repository:
      'https://www.piie.com/research/piie-charts/us-china-trade-war-tariffs-date-chart (via specs/timeline-2025.md)',
    licence: 'Cited figures only',
  },
];

export const METHOD = [
  'WIOD 2011 (19 regions × 35 sectors) read into a region-level table: bilateral flows by sector (intermediate ' +
    '+ final), purchases of each input by each using sector, final demand, value added = output − inputs.',
  "Update to 2023: every (exporter, importer) pair's cross-border goods flows (c1–c16) scaled by one factor to " +
    "BACI 2023 (countries mapped to the 19 regions; Croatia and all non-WIOD economies to ROW); Taiwan's pairs by " +
    "the partner's import (export) growth with everyone else; cross-border services by √(GDP growth of both).",
  'Re-balancing (a demand-driven Leontief update, region by region, instead of RAS): WIOD 2011 technical ' +
    'coefficients and value-added ratios kept; final demand = 2011 mix × (GDP 2023 + deficit 2023); domestic ' +
    'sales solve (I − A)d = A·exports + final − imports, so every row and column identity holds and value ' +
    'added equals 2023 GDP; where domestic sales would fall below 5% of their GDP-scaled 2011 level, the ' +
    'final-demand share is raised by the shortfall (iterated).',
  'Tariffs: 2014 applied rates (LL 2023, importer = first column, flows-weighted to the ' +
    "regions) + US Section 301 on China by sector from the HTS8 lists + China's retaliation " +
    'as a uniform increment (no list in the raw data).',
  "Satellites carved with the general split of src/data/split.ts (shares of output, bilateral trade and users' " +
    'purchases; every row and column total kept) in five pieces: the rare-earth chain stays three sectors (REM ' +
    'mining and concentrate from c2, RES separated oxides and metals from c9, MAG permanent magnets from c14; ' +
    'sector group REE), whose stages are then linked (separation buys ore, magnet making buys oxides) by ' +
    'redirecting purchases with every row and column total kept; the two SEMI pieces are merged.',
  'Regions: Vietnam (VNM), then the rest of ASEAN (ASN: Thailand, Malaysia, Singapore, Philippines, Cambodia, ' +
    'Myanmar, Laos, Brunei; Indonesia is a WIOD region) carved out of ROW with the general region split of ' +
    'src/data/split.ts (every cell carved exactly, so the carved regions and the rest add back to the old ROW bit ' +
    'for bit; a build check merges them back): their goods trade with every region and with the rest of ROW at the ' +
    "BACI 2023 pair totals, value added at 2023 GDP (WDI), ROW's input–output structure (see the assumptions).",
  'Dataset shares: γ = value added / output, input shares = purchases / total inputs ' +
    '(columns sum to 1), α = residual of the spending identity with tariffs (as CP 2015) — ' +
    'consistent with the table, so a zero-shock solve returns the data.',
].join(' ');

/** What the assumptions quote from the build: its reports, θ, the Section 301 layer and its level. */
interface BuildFacts {
  carves: CarveReport[];
  reports: PieceReport[];
  update: UpdateReport;
  links: ChainLink[];
  thetaRee: number[];
  thetaSemi: number;
  thetaMapping: Record<string, string[]>;
  s301: Map<string, number>;
  layers: { usListLevel: number; usScale: number; chinaUniform: number };
}

type Assumption = { what: string; why: string };

/** One satellite piece's report in a sentence. */
const pieceLine = (r: PieceReport) =>
  `${r.code}: capped ${r.capped.join('; ') || 'none'}; output raised ${r.outputRaised.join('; ') || 'none'}; ` +
  `world output ${(r.worldOutput / 1000).toFixed(2)}bn vs sized ${(r.world / 1000).toFixed(2)}bn`;

/** The 2023 update: regions, Taiwan, services, the re-balancing, tariff-inclusive spending. */
function updateAssumptions(x: BuildFacts): Assumption[] {
  return [
    {
      what:
        'EUR = the 23 other EU members of WIOD 2013 (AUT BEL BGR CYP CZE DNK ESP EST FIN GRC ' +
        'HUN IRL LTU LUX LVA MLT NLD POL PRT ROU SVK SVN SWE); group EU = DEU, FRA, ITA, EUR; ' +
        'GBR is not in the EU (2025); Croatia is in ROW',
      why:
        "That is WIOD 2013's coverage (Croatia joined in 2013 and is not a WIOD 2013 country); " +
        'BACI countries are mapped the same way so the update is consistent.',
    },
    {
      what:
        `Taiwan's GDP growth 2011→2023 = the world's (without Taiwan) nominal growth, ` +
        `${x.update.twnGdpGrowth.toFixed(3)}; Taiwan's goods pairs scaled by the partner's ` +
        `goods import (export) growth with all other partners`,
      why:
        'Taiwan is in neither the WDI GDP file nor the BACI file of the raw data; neutral growth ' +
        'rates keep its weight in the table without an unsourced number.',
    },
    {
      what:
        'Cross-border services flows scaled by √(ĝ_n ĝ_i), the geometric mean of the two ' +
        "regions' 2011→2023 GDP growth; services stay tradable (θ = 8.22 as CP)",
      why:
        'No 2023 bilateral services data in the raw inputs; WIOD has ' +
        'services trade, which is kept rather than deleted.',
    },
    {
      what:
        `Re-balancing keeps the WIOD 2011 technical coefficients and final-demand mix; the mix was raised in ` +
        `${x.update.finalMixAdjusted} region-sectors (largest ${(x.update.largestFinalMixShift * 100).toFixed(2)} ` +
        `share points) where domestic sales would otherwise fall below 5% of their GDP-scaled 2011 level`,
      why:
        'A consistent table with exact 2023 trade and GDP targets needs one free margin; domestic sales (and, ' +
        "where imports outgrew use, final demand) take it, the input–output structure stays WIOD's.",
    },
    {
      what:
        'WIOD basic-price purchases are treated as tariff-inclusive spending; tariff revenue on intermediates ' +
        'is part of final demand (α as the residual of the spending identity, CP 2015)',
      why:
        'WIOD 2013 has no separate tariff row; this is how CP build their baseline, ' +
        'and it keeps the table exactly consistent with the model.',
    },
  ];
}

/** Trade elasticities θ by sector and the input nests. */
function elasticityAssumptions(x: BuildFacts): Assumption[] {
  const mapping = Object.entries(x.thetaMapping)
    .map(([w, c]) => `${w}=${c.join('+')}`)
    .join(', ');
  return [
    {
      what:
        `θ by WIOD sector from CP 2015 theta.csv (ISIC Rev.3 mapping: ${mapping}); several CP sectors → mean ` +
        `weighted by CP's 1993 world trade; services 8.22; CP's file has 8.22 for Auto and Other Transport`,
      why: "CP's sectors follow ISIC Rev.3 as WIOD 2013's do; trade weights because θ governs trade responses.",
    },
    {
      what:
        `REM, RES, MAG θ = ${x.thetaRee.map((v) => v.toFixed(3)).join(', ')} (their parents c2, c9, c14) and SEMI ` +
        `θ = ${x.thetaSemi.toFixed(3)} (c14 and c13 weighted by each piece's cross-border trade)`,
      why: "No sourced sector estimate; the spec says satellites inherit the parent's θ.",
    },
    {
      what:
        "Input-nest elasticities are not in the dataset: every sector's input bundle is Cobb–Douglas (ε = 1, CP " +
        'exactly); the critical-input nest (the REE chain inside c13, c14, c15, c31) is a model option',
      why: 'model-ge.md extension 1: defaults to 1 with documented alternatives; data give no sourced ε.',
    },
  ];
}

/** The tariffs of 20 January 2025: the diagonal, LL 2014, Section 301 and its level, China's layer. */
function tariffAssumptions(x: BuildFacts): Assumption[] {
  return [
    {
      what:
        'Tariffs on the diagonal (domestic sales, including intra-EUR and intra-ROW trade) are 0; LL 2014 rates ' +
        'aggregated with LL 2014 flows; LL sector 4 → c4 and c5, 12 → c14, 13 → c13, 14 → c15, 15 → c16; services ' +
        '0',
      why:
        "WIOD treats intra-region trade as domestic; LL's 16 sectors follow WIOD 2016 " +
        'and map one-to-one or one-to-two to WIOD 2013 goods.',
    },
    {
      what:
        `US Section 301 on China by sector: per HS2 chapter, the 20 Jan 2025 list rate (Lists 1–3 25%, 4A ` +
        `7.5%, 4B 0) summed over listed HS6 codes ÷ the chapter's HS2007 HS6 line count, capped at 25%; ` +
        `chapters → WIOD by line shares × US 2024 imports from China (e.g. c13 ` +
        `${(100 * (x.s301.get('c13') ?? 0)).toFixed(1)}%, c14 ${(100 * (x.s301.get('c14') ?? 0)).toFixed(1)}%); ` +
        `REM/RES/MAG ${['REM', 'RES', 'MAG'].map((c) => (100 * (x.s301.get(c) ?? 0)).toFixed(1)).join('/')}% ` +
        `(their own HS6 lines), SEMI ${(100 * (x.s301.get('SEMI') ?? 0)).toFixed(1)}%`,
      why:
        'HTS8 trade weights are not in the raw data; HS6 line coverage is the finest split available. Not ' +
        'included: product exclusions, the May 2024 four-year-review increases (in force 2024–25), Section ' +
        '232 steel/aluminium and safeguards — none are in the raw data.',
    },
    {
      what:
        `Level of the Section 301 layer: the list-derived pattern gives a US average on China of ` +
        `${(x.layers.usListLevel * 100).toFixed(1)}%; the layer is multiplied by ` +
        `${x.layers.usScale.toFixed(3)} so the trade-weighted average equals PIIE's 20.8% on 20 January 2025`,
      why:
        'datasets.md asks for the layers "so that the trade-weighted average US tariff on China is 20.8%"; ' +
        'within-chapter import weights are not in the raw data, so the lists fix the sector pattern and PIIE the ' +
        'level. Telephones ($50.1bn) and computers ($35.5bn), whose main lines are on the never-imposed List 4B, ' +
        'are taken out of their chapters at a zero rate first (timeline-2025 §4c).',
    },
    {
      what:
        `China's tariffs on US goods: 2014 applied rates + a uniform ` +
        `${(x.layers.chinaUniform * 100).toFixed(1)} points on every goods sector, so the trade-weighted ` +
        `average is 21.2% (PIIE post-Geneva 32.6% minus its +11.4 points, timeline-2025 §1a, derived)`,
      why:
        "The raw data have no list of China's 2018–19 retaliation (us_tariff_tracker_2025's HS2 file holds " +
        "US rates on China, its China lists are of March 2025); PIIE's averages are the only sourced " +
        "figures. China's 2018–19 MFN cuts for other partners are not applied.",
    },
  ];
}

/** The chain links: what each link moved of what its stage wanted, by region. */
function chainLinkAssumption(x: BuildFacts): Assumption {
  const links = x.links
    .map((l) => {
      const byRegion = Object.entries(l.byRegion)
        .map(([r, v]) => `${r} ${v.toFixed(2)}`)
        .join(', ');
      return (
        `${l.user} buys ${l.input}: ${l.moved.toFixed(0)} of ${l.wanted.toFixed(0)} million USD wanted ` +
        `(by region ${byRegion}), against its other purchases in proportion`
      );
    })
    .join('; ');
  return {
    what:
      'Chain links (cost shares derived in satellites.ts: ore in separation = world ore value ÷ world separated ' +
      `value; oxides in magnets 0.30 = 0.29 kg REE/kg × $51/kg ÷ $49.2/kg): ${links}`,
    why:
      "A carved sector gets its parent's cost structure (separation would buy no ore, magnets no oxides); " +
      'redirecting purchases between users keeps every total. Where a region absorbs less of the input than its ' +
      "stage needs (China's magnet makers need more oxide than China absorbs at the export unit value), the link " +
      "is partial: the oxide price in the data (China's average export unit value) undervalues NdPr-rich oxides.",
  };
}

/** The REE and SEMI satellites: sizing, users, the chain links, what was removed, the years. */
function satelliteAssumptions(x: BuildFacts): Assumption[] {
  return [
    {
      what:
        "Satellite pieces sized as documented per piece; flows without a sourced value carry the exporter's " +
        'output share of the parent (same export intensity as the parent); sourced flows capped at 90% of the ' +
        'parent flow; output raised to exports (with domestic sales in proportion) where sourced exports exceed it',
      why:
        `Only a few bilateral satellite flows are sourced; the rest must follow a ` +
        `neutral rule. ${x.reports.map(pieceLine).join(' | ')}`,
    },
    {
      what:
        'MAG users: motor vehicles c15 40.5% (EV motors 35–40% + half of defence 5–7%), electrical equipment c14 ' +
        '41.5% (wind 20–25%, industrial motors 10–15%, electronics 5–8%, range midpoints), public administration ' +
        "and defence c31 3%, machinery c13 4% (robotics 3–5%); the remaining 11% like the parent's purchases",
      why:
        'ree_c_downstream_uses_and_events.csv (value shares of REE demand, 2025 dashboard citing IEA; the ' +
        'end uses are those of magnets); wind generators and motors are ISIC 31 (c14).',
    },
    {
      what:
        'RES users before the chain link: c9 30%, c12 20%, c11 10%, c14 20% (catalysts, ' +
        "alloys, glass and polishing, phosphors), the rest like c9's purchases; REM users " +
        "before the link: c9 60%, c12 20%, the rest like c2's",
      why:
        'No sourced split of non-magnet uses in the satellites; the link then gives ' +
        'separation and magnet making what the stages need (next entry).',
    },
    chainLinkAssumption(x),
    {
      what:
        'Invented supply removed: (1) US ore no longer supplies US magnet users — REM is bought by separation, ' +
        'and Mountain Pass concentrate not separated by MP itself is exported to China (anchor USA→CHN REM); US ' +
        "separation is MP's 1,294 t NdPr only (no US heavy-RE separation: CSIS); (2) magnet output outside " +
        "China is at cited plants (Shin-Etsu Vietnam 2,200 t → ROW; USA 1,000 t, half of Noveon's 2,000 t " +
        "built-for line, assumed), Japan the rest of the 6% outside China; Europe's Neo Narva magnet plant " +
        'opened only in Sep 2025 (not in the base)',
      why:
        'Issue 12: the merged REE sector let US ore serve as US magnet supply (a third of US ' +
        "absorption) and the model's flat supply let every region expand; the capacity entries " +
        'of the scenarios bound expansion (docs/controls.md).',
    },
    {
      what:
        "SEMI users: the same share of every user's purchases of the parent (c14 for chips, c13 for " +
        'equipment), including final demand (equipment is mostly investment)',
      why: 'No sourced distribution of chip or equipment purchases by using sector.',
    },
    {
      what:
        "SEMI chip output by SEMI's projected wafer-capacity shares (2024, parsed from chart labels) times " +
        '2023 world sales; Europe & Middle East split over DEU/FRA/ITA/GBR/EUR by c14 output; equipment output ' +
        "from China's 2024 import origins (a proxy for where equipment is made)",
      why:
        'No value-based production shares by country in the satellites; capacity (wafers) undervalues ' +
        'leading-edge producers, which the sourced trade anchors then raise (see the piece report).',
    },
    {
      what:
        'REE values are 2024 figures (USGS, IEA, GACC), SEMI chips 2023 (SIA, GACC 2023 ' +
        'total with 2024 origin shares), equipment 2024; the table is 2023',
      why: 'The satellites are mostly 2024; REE is tiny and the year gap moves nothing of substance.',
    },
  ];
}

/** The carve of VNM and ASN out of ROW: structure, trade mix, imports moved, tariffs. */
function carveAssumptions(x: BuildFacts): Assumption[] {
  return [
    {
      what:
        `VNM and ASN have ROW's input–output structure: ROW's technical coefficients and value-added ratio in ` +
        `every sector, and ROW's final-demand mix (adjusted only as the next entries say); domestic sales ` +
        `solve the Leontief balance so that value added equals 2023 GDP (VNM ` +
        `${(x.carves[0].gdp / 1000).toFixed(1)}bn, ASN ${(x.carves[1].gdp / 1000).toFixed(1)}bn, WDI)`,
      why:
        'No input–output table for Vietnam or the other ASEAN members is in the raw data (WIOD 2013 has Indonesia ' +
        'only). ROW is the region they were part of, so its structure is the one the old table already gave them. ' +
        'Diversion by sector of US imports from China to Vietnam and ASEAN, and what those economies use to make ' +
        'their exports, rest on this assumption and on the next one (the report says so).',
    },
    {
      what:
        `Sector mix of VNM's and ASN's goods trade: China's mix on the same pair (named proxy; China's exports ` +
        `to, or imports from, the partner; China's trade with the world for the pair with China itself), scaled to ` +
        `the BACI 2023 pair total; no cell takes more than ${OUTSIDE_CAP} of ROW's flow (the excess goes to the ` +
        `pair's other goods in proportion to what is left of ROW's); trade with the rest of ROW likewise (China's ` +
        `trade with ROW), at most ${INSIDE_CAP} of ROW's own sales of a good; cross-border services with the other ` +
        `regions at the GDP share of ROW's, with the rest of ROW 0; Taiwan (not in BACI) at the region's share of ` +
        `ROW's goods trade with all other partners`,
      why:
        "BACI in the raw data gives pair totals only (all HS products). ROW's own mix (oil and commodities, Gulf " +
        "and Swiss exports) would give Vietnam an oil exporter's trade and leave its imports of parts with no " +
        "users; Vietnam's and ASEAN's exports (electronics, machinery, textiles, furniture) are closer to China's " +
        "— a judgement, not a sourced number. Capped at ROW's flows so the rest of ROW stays non-negative.",
    },
    {
      what: `Where ROW's structure cannot absorb the BACI imports of a good, the carved region's imports of it are moved off BACI: cut where domestic sales would fall below 5% of the GDP-scaled ROW's own sales and final demand cannot rise (at most ${FINAL_CAP} of ROW's), raised where domestic sales would exceed ${DOMESTIC_CAP} of what is left of ROW's own sales and final demand cannot fall (raises spread over partners like ROW's imports). ${x.carves.map((c) => `${c.code}: imports ×factor ${c.importsCut.map(([k, m]) => `${k} ${m.toFixed(2)}`).join(', ') || 'none'}; final mix raised ${c.finalMixAdjusted.join(', ') || 'none'}, lowered ${c.finalMixLowered.join(', ') || 'none'}; trade with the rest capped ${c.insideCapped.join(', ') || 'none'}; largest share of ROW's output ${c.largestOutputShare[0]} ${(100 * c.largestOutputShare[1]).toFixed(0)}%`).join(' | ')}`,
      why:
        'A table that balances, with non-negative cells in both the carved regions and the rest of ROW, needs a ' +
        "free margin; imports of those few goods (Vietnam's textiles, the tiny rare-earth stages) take it, the " +
        'exports stay at BACI exactly. The check in the provenance prints the largest gap.',
    },
    {
      what:
        "Tariffs of and on VNM and ASN are ROW's on every pair (2014 applied rates by the 19 " +
        'regions, aggregated); 0 inside the old ROW, as before the carve',
      why:
        'The LL 2014 tariff file is by the 19 regions only; the 2025 scenario steps set the US rates on VNM and ' +
        'ASN from the tracker rows of Vietnam and of Thailand, Malaysia, Singapore, the Philippines and Cambodia.',
    },
  ];
}

/** Every assumption of the build, each with its reason (the manifest's provenance). */
export function ASSUMPTIONS(x: BuildFacts): Assumption[] {
  const rep = (c: string) => x.reports.find((r) => r.code === c)!;
  return [
    ...updateAssumptions(x),
    ...elasticityAssumptions(x),
    ...tariffAssumptions(x),
    ...satelliteAssumptions(x),
    ...carveAssumptions(x),
    {
      what: `Value-added shares below 0 after the update set to 0 (see checks); rep RES: ${pieceLine(rep('RES'))}`,
      why: 'Shares must lie in [0, 1]; affects only tiny cells.',
    },
  ];
}
