import { describe, expect, it } from 'vitest';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../../../../../server/contract/model.ts';
import { labelName, t, typeName } from '../../../../../client/src/i18n/i18n.ts';
import { fullName, recommendationRef, shortName } from '../../../../../client/src/i18n/names.ts';
import { truncateGraphemes as truncate } from '../../../../../server/contract/truncate.ts';
import { LABEL_NAMES, MESSAGES, TYPE_NAMES } from '../../../../../client/src/i18n/strings.ts';

describe('UI text', () => {
  it('has every message in both languages, none empty, with the same placeholders', () => {
    expect(Object.keys(MESSAGES.zh).sort()).toEqual(Object.keys(MESSAGES.en).sort());
    for (const key of Object.keys(MESSAGES.en) as (keyof typeof MESSAGES.en)[]) {
      expect(MESSAGES.zh[key].trim(), key).not.toBe('');
      const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(holes(MESSAGES.zh[key]), key).toEqual(holes(MESSAGES.en[key]));
    }
  });

  it('names every label and relationship type of the model in both languages', () => {
    for (const label of NODE_LABELS) expect(LABEL_NAMES[label].zh && LABEL_NAMES[label].en).toBeTruthy();
    for (const type of RELATIONSHIP_TYPES) expect(TYPE_NAMES[type].zh && TYPE_NAMES[type].en).toBeTruthy();
    expect(labelName('en', 'CrimeType')).toBe('Crime type');
    expect(typeName('zh', 'CITES')).toBe('引用');
    expect(typeName('en', 'SOME_NEW_TYPE')).toBe('some new type');
  });

  it('fills placeholders', () => {
    expect(t('en', 'statusNodes', { nodes: 3, edges: 4 })).toBe('3 nodes · 4 relationships');
    expect(t('zh', 'statusNodes', { nodes: 3, edges: 4 })).toBe('3 个节点 · 4 条关系');
  });
});

describe('node names', () => {
  it('names recommendations by paragraph and letter', () => {
    expect(recommendationRef('rec:lac-rpm-2025:24(c)')).toBe('24(c)');
    expect(recommendationRef('rec:x', { paragraph: 66, letter: 'e' })).toBe('66(e)');
    expect(fullName({ id: 'rec:lac-rpm-2025:24(c)', label: 'Recommendation', props: {} }, 'en')).toBe('Recommendation 24(c)');
    expect(fullName({ id: 'rec:lac-rpm-2025:24(c)', label: 'Recommendation', props: {} }, 'zh')).toBe('建议 24(c)');
  });

  it('falls back on the other language, then on the id', () => {
    expect(fullName({ id: 'org:x', label: 'Organization', props: { name_zh: '毒罪办' } }, 'en')).toBe('毒罪办');
    expect(fullName({ id: 'org:x', label: 'Organization', props: {} }, 'en')).toBe('org:x');
    expect(fullName({ id: 'person:p', label: 'Person', props: { name: 'Gerald Campos Valverde' } }, 'zh')).toBe('Gerald Campos Valverde');
  });

  it('draws short names on the graph: instrument short titles, agenda item numbers, document symbols', () => {
    expect(
      shortName(
        {
          id: 'instrument:untoc',
          label: 'Instrument',
          props: { name_en: 'United Nations Convention against Transnational Organized Crime', short_en: 'Organized Crime Convention' },
        },
        'en',
      ),
    ).toBe('Organized Crime Convention');
    expect(shortName({ id: 'agenda:15:3', label: 'AgendaItem', props: { number: 3, title_zh: '推进创新的循证预防犯罪战略' } }, 'zh')).toBe('议程项目 3');
    expect(shortName({ id: 'doc:A/CONF.241/PM.1', label: 'Document', props: { symbol: 'A/CONF.241/PM.1', title_zh: '讨论指南' } }, 'zh')).toBe(
      'A/CONF.241/PM.1',
    );
  });

  it('truncates by characters, not UTF-16 units', () => {
    expect(truncate('联合国打击跨国有组织犯罪公约', 6)).toBe('联合国打击…');
    expect(shortName({ id: 'org:x', label: 'Organization', props: { name_en: `${'x'.repeat(30)}👩‍👩‍👧‍👦 family` } }, 'en')).toBe(`${'x'.repeat(30)}👩‍👩‍👧‍👦…`);
    expect(truncate('short', 10)).toBe('short');
  });
});
