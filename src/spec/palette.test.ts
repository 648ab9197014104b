import { describe, expect, it } from 'vitest';
import { OKABE_ITO, contrast, directionColour, regionColour, textColour } from './palette.ts';

describe('the one colour scheme of app and report', () => {
  it('colours a directed pair by the acting country: the importer of a tariff, the exporter of a flow', () => {
    expect(directionColour('USA<-CHN')).toBe(regionColour('USA'));
    expect(directionColour('CHN<-USA')).toBe(regionColour('CHN'));
    expect(directionColour('CHN->USA')).toBe(regionColour('CHN'));
    expect(directionColour('USA->CHN')).toBe(regionColour('USA'));
    expect(regionColour('USA')).not.toBe(regionColour('CHN'));
  });

  it('rejects a key that is not a directed pair, saying what it found', () => {
    expect(() => directionColour('USA')).toThrow(/Expected a directed pair such as USA<-CHN or CHN->USA, found "USA"/);
  });

  it('computes WCAG contrast: black on white is 21, a colour on itself 1', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 6);
    expect(contrast('#0072B2', '#0072B2')).toBeCloseTo(1, 9);
  });

  it('darkens label colours until they read at 4.5:1 on white, and leaves dark enough ones alone', () => {
    expect(contrast(OKABE_ITO.orange, '#ffffff')).toBeLessThan(4.5);
    for (const c of Object.values(OKABE_ITO)) expect(contrast(textColour(c), '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(textColour('#000000')).toBe('#000000');
    expect(textColour(OKABE_ITO.blue)).toBe(OKABE_ITO.blue.toLowerCase());
  });
});
