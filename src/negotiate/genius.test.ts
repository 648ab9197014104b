import { describe, expect, it } from 'vitest';
import { parseGeniusDomain, parseGeniusProfile, readGeniusDomain, readGeniusProfile } from './genius.ts';
import { outcomeCount } from './outcome-space.ts';
import { ENGLAND_ZIMBABWE, ITEX_CYPRESS, TRAVEL } from '../../test/support/negotiate/test-fixtures.ts';
import { parseXml } from './xml.ts';

describe('XML parser', () => {
  it('parses attributes, self-closing tags, comments, entities and CDATA', () => {
    const root = parseXml(
      `<?xml version="1.0"?>\n<!-- c --><a x='1' y="a &amp; b"><b/><!-- d --><c>t &lt; <![CDATA[<raw>]]></c></a>`,
    );
    expect(root.name).toBe('a');
    expect(root.attributes).toEqual({ x: '1', y: 'a & b' });
    expect(root.children.map((c) => c.name)).toEqual(['b', 'c']);
    expect(root.children[1].text).toBe('t < <raw>');
  });

  it('reports the source, line, expectation and finding on malformed input', () => {
    expect(() => parseXml('<a>\n<b></a>', 'bad.xml')).toThrow(/^bad\.xml, line 2: expected "<\/b>"/);
    expect(() => parseXml('<a x=1/>', 'q.xml')).toThrow(/q\.xml, line 1: expected a quoted value for attribute "x"/);
    expect(() => parseXml('', 'e.xml')).toThrow(/expected a root element, found end of input/);
  });
});

describe('GENIUS import', () => {
  it('reads the ANAC 2010 domains with the right sizes', () => {
    expect(outcomeCount(readGeniusDomain(ENGLAND_ZIMBABWE.domain))).toBe(576);
    expect(outcomeCount(readGeniusDomain(ITEX_CYPRESS.domain))).toBe(180);
    expect(outcomeCount(readGeniusDomain(TRAVEL.domain))).toBe(188160);
  });

  it('reads profiles with GENIUS semantics (evaluation / max evaluation)', () => {
    const d = readGeniusDomain(ENGLAND_ZIMBABWE.domain);
    const england = readGeniusProfile(ENGLAND_ZIMBABWE.a, d);
    expect(england.reservation).toBe(0);
    expect(england.discount).toBe(1);
    const bid = {
      'Size of Fund': '$10 billion', // 9 / 9
      'Impact on Other Aid': 'No reduction', // 3 / 8
      'Zimbabwe Trade Policy': 'No agreement', // 7 / 12
      'England Trade Policy': 'England will reduce imports', // 10 / 10
      'Forum on Other Health Issues': 'No', // 1 / 10
    };
    const expected =
      0.3031462333758278 * 1 +
      0.303346839835533 * (3 / 8) +
      0.049028952379678074 * (7 / 12) +
      0.04904500802207314 * 1 +
      0.29543296638688804 * 0.1;
    expect(england.utility(bid)).toBeCloseTo(expected, 12);
  });

  it('reads a profile on its own issues when no domain is given', () => {
    const u = readGeniusProfile(ITEX_CYPRESS.a);
    expect(u.domain.issues.map((i) => i.name)).toEqual(['Price', 'Delivery', 'Payment', 'Returns']);
  });

  it('reads integer and real issues, reservation and discount factor', () => {
    const dom = parseGeniusDomain(
      `<negotiation_template><utility_space><objective name="root">
        <issue name="n" index="1" type="integer" lowerbound="1" upperbound="3"/>
        <issue name="r" index="2" type="real"><range lowerbound="0" upperbound="10"/></issue>
      </objective></utility_space></negotiation_template>`,
      'mixed_domain.xml',
    );
    expect(dom.issues[0]).toEqual({ kind: 'discrete', name: 'n', values: [1, 2, 3] });
    expect(dom.issues[1]).toEqual({ kind: 'continuous', name: 'r', min: 0, max: 10 });
    const u = parseGeniusProfile(
      `<utility_space><discount_factor value="0.8"/><reservation value="0.25"/><objective name="root">
        <issue name="n" index="1" type="integer"><evaluator ftype="linear" offset="0" slope="2"/></issue>
        <issue name="r" index="2" type="real"><evaluator ftype="linear" parameter0="0" parameter1="0.1"/></issue>
        <weight index="1" value="1"/><weight index="2" value="3"/>
      </objective></utility_space>`,
      dom,
      'mixed.xml',
    );
    expect(u.discount).toBe(0.8);
    expect(u.reservation).toBe(0.25);
    expect(u.utility({ n: 3, r: 5 })).toBeCloseTo(0.25 * 1 + 0.75 * 0.5, 12);
  });

  it('names the file and what was expected when a profile is wrong', () => {
    const d = parseGeniusDomain(
      '<a><issue name="Price" index="1" type="discrete"><item value="$4.37"/></issue></a>',
      'price.xml',
    );
    const bad = `<utility_space><objective><issue name="Price" index="1" type="discrete"><item value="$9" evaluation="1"/></issue><weight index="1" value="1"/></objective></utility_space>`;
    expect(() => parseGeniusProfile(bad, d, 'bad.xml')).toThrow(RangeError);
    expect(() => parseGeniusProfile(bad, d, 'bad.xml')).toThrow(
      /^bad\.xml, line 1: expected a value of issue "Price" in the domain, found "\$9"/,
    );
    const noWeight = `<utility_space><objective><issue name="Price" index="1"><item value="$4.37" evaluation="1"/></issue></objective></utility_space>`;
    expect(() => parseGeniusProfile(noWeight, readGeniusProfile(ITEX_CYPRESS.a).domain, 'w.xml')).toThrow(
      /w\.xml: expected a <weight index="1"> for issue "Price"/,
    );
    expect(() => readGeniusDomain('/nonexistent/file.xml')).toThrow(
      /^\/nonexistent\/file\.xml: expected a readable GENIUS XML file, found ENOENT/,
    );
    expect(() => parseGeniusDomain('<a><issue name="x" type="set"/></a>', 'd.xml')).toThrow(
      /expected issue type discrete, integer or real/,
    );
  });
});
