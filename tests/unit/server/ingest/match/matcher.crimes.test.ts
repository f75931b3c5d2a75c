/**
 * Crime types named by who commits them or by their victims ("terrorist groups", "violent
 * extremist prisoners", "foreign terrorist fighters", "trafficking in children"; 恐怖组织,
 * 贩运儿童) and grooming, in both languages, from the real gazetteer.
 */
import { describe, expect, it } from 'vitest';
import { buildSurfaceForms } from '../../../../../server/ingest/gazetteer/surfaceForms.ts';
import { buildMatcher } from '../../../../../server/ingest/match/matcher.ts';
import { realGazetteer } from '../../../../setup/reports.ts';

const matcher = buildMatcher(buildSurfaceForms(await realGazetteer()));
const crimes = (text: string) =>
  matcher
    .find(text)
    .filter((m) => m.target.label === 'CrimeType')
    .map((m) => m.target.id);

describe('crimes named by their actors or victims', () => {
  it('in English', () => {
    expect(crimes('Prevent recruitment by terrorist groups and rehabilitate violent extremist prisoners.')).toEqual([
      'crime:terrorism',
      'crime:violent-extremism',
    ]);
    expect(crimes('Prosecute returning foreign terrorist fighters.')).toEqual(['crime:foreign-terrorist-fighters']);
    expect(crimes('Prevent trafficking in children and online grooming.')).toEqual(['crime:trafficking-in-persons', 'crime:grooming']);
  });

  it('in Chinese', () => {
    expect(crimes('防止恐怖组织招募青年，处理暴力极端主义囚犯。')).toEqual(['crime:terrorism', 'crime:violent-extremism']);
    expect(crimes('起诉外国恐怖主义战斗人员，防止贩运儿童和网上诱骗儿童。')).toEqual([
      'crime:foreign-terrorist-fighters',
      'crime:trafficking-in-persons',
      'crime:grooming',
    ]);
  });
});

describe('crimes of the sea, of gambling and of waste (UNODC and Basel Convention terms)', () => {
  it('in English', () => {
    expect(crimes('Recognize fisheries crime as a serious crime and dismantle illegal online gambling operations.')).toEqual([
      'crime:fisheries-crime',
      'crime:illegal-gambling',
    ]);
    expect(crimes('Prevent the illegal transboundary movement of hazardous wastes.')).toEqual(['crime:waste-trafficking']);
  });

  it('in Chinese', () => {
    expect(crimes('将渔业犯罪列为洗钱的上游犯罪，调查非法网络赌博。')).toEqual(['crime:fisheries-crime', 'crime:money-laundering', 'crime:illegal-gambling']);
    expect(crimes('防止危险废料的非法越境转移。')).toEqual(['crime:waste-trafficking']);
  });
});
