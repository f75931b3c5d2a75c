/**
 * Crime types named by who commits them or by their victims ("terrorist groups", "violent
 * extremist prisoners", "foreign terrorist fighters", "trafficking in children"; 恐怖组织,
 * 贩运儿童) and grooming, in both languages, from the real gazetteer.
 */
import { describe, expect, it } from 'vitest';
import { buildSurfaceForms } from '../../../server/ingest/gazetteer/surfaceForms.ts';
import { buildMatcher } from '../../../server/ingest/match/matcher.ts';
import { realGazetteer } from './helpers.ts';

const matcher = buildMatcher(buildSurfaceForms(await realGazetteer()));
const crimes = (text: string) => matcher.find(text).filter((m) => m.target.label === 'CrimeType').map((m) => m.target.id);

describe('crimes named by their actors or victims', () => {
  it('in English', () => {
    expect(crimes('Prevent recruitment by terrorist groups and rehabilitate violent extremist prisoners.')).toEqual(['crime:terrorism', 'crime:violent-extremism']);
    expect(crimes('Prosecute returning foreign terrorist fighters.')).toEqual(['crime:foreign-terrorist-fighters']);
    expect(crimes('Prevent trafficking in children and online grooming.')).toEqual(['crime:trafficking-in-persons', 'crime:grooming']);
  });

  it('in Chinese', () => {
    expect(crimes('防止恐怖组织招募青年，处理暴力极端主义囚犯。')).toEqual(['crime:terrorism', 'crime:violent-extremism']);
    expect(crimes('起诉外国恐怖主义战斗人员，防止贩运儿童和网上诱骗儿童。')).toEqual(['crime:foreign-terrorist-fighters', 'crime:trafficking-in-persons', 'crime:grooming']);
  });
});
