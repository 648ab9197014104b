import { describe, expect, it } from 'vitest';
import { addPolicyControl, addPolicyTariff, capacityRows, controlRows, setValue, tariffRows } from './scenarioText.ts';

const TEXT = `lancaster: 1
name: mine   # the user's comment
model: multisector
policy:
  tariffs:
    # the US first
    - { importer: USA, exporter: CHN, rate: 0.54 }   # note
    - importer: CHN
      exporter: USA
      rate: "54%"

  export_controls:
    - { origin: CHN, destination: "*", except: [USA], sectors: [REM, MAG], approval: 0.25 }
  capacity:
    - { region: CHN, sectors: [SEMI], limit: 1.039, source: BIS }
report:
  countries: [USA,CHN]
`;

describe('form edits of scenario YAML', () => {
  it('changes only the edited number: comments, quotes, blank lines and flow maps stay byte for byte', () => {
    const out = setValue(TEXT, ['policy', 'tariffs', 0, 'rate'], 0.6);
    expect(out).toBe(TEXT.replace('rate: 0.54 }', 'rate: 0.6 }'));
  });

  it('keeps a percent string a percent string in its quotes', () => {
    expect(setValue(TEXT, ['policy', 'tariffs', 1, 'rate'], 0.125)).toBe(TEXT.replace('rate: "54%"', 'rate: "12.5%"'));
  });

  it('writes an approval without float noise', () => {
    expect(setValue(TEXT, ['policy', 'export_controls', 0, 'approval'], 0.1 + 0.2)).toBe(
      TEXT.replace('approval: 0.25', 'approval: 0.3'),
    );
  });

  it('appends a tariff as one new line after the last entry, at its indentation', () => {
    const out = addPolicyTariff(TEXT, { importer: 'USA', exporter: 'MEX', rate: 0.25 });
    expect(out).toBe(
      TEXT.replace('      rate: "54%"\n', '      rate: "54%"\n    - { importer: USA, exporter: MEX, rate: 0.25 }\n'),
    );
    expect(tariffRows(out).map((r) => r.exporter)).toEqual(['CHN', 'USA', 'MEX']);
  });

  it('appends an export control after a flow entry with a trailing comment, keeping the comment', () => {
    const t = TEXT.replace('approval: 0.25 }', 'approval: 0.25 }  # April');
    const out = addPolicyControl(t, { origin: 'USA', destination: 'CHN', sectors: ['SEMI'], approval: 0 });
    expect(out).toContain(
      'approval: 0.25 }  # April\n    - { origin: USA, destination: CHN, sectors: [SEMI], approval: 0 }\n  capacity:',
    );
  });

  it('creates the list when the scenario has none', () => {
    const out = addPolicyControl('lancaster: 1\nname: x\nmodel: multisector\npolicy: {}\n', {
      origin: 'USA',
      destination: 'CHN',
      sectors: ['SEMI'],
      approval: 0.5,
    });
    expect(controlRows(out)).toMatchObject([{ origin: 'USA', destination: 'CHN', sectors: ['SEMI'], approval: 0.5 }]);
  });

  it('lists export controls (approval, coalition exceptions) and capacity bounds for the form', () => {
    expect(controlRows(TEXT)).toEqual([
      {
        path: ['policy', 'export_controls', 0],
        where: 'policy',
        origin: 'CHN',
        destination: '*',
        except: ['USA'],
        sectors: ['REM', 'MAG'],
        approval: 0.25,
        rents: 'exporter',
        government_share: null,
      },
    ]);
    expect(capacityRows(TEXT)).toEqual([
      { path: ['policy', 'capacity', 0], region: 'CHN', sectors: ['SEMI'], limit: 1.039, source: 'BIS' },
    ]);
  });
});
