import { describe, expect, it } from 'vitest';
import { parseReference } from '../../../../server/search/reference.ts';

describe('parseReference', () => {
  it('reads a recommendation however an analyst types it', () => {
    for (const q of [
      '24(c)',
      '24 (c)',
      '24c',
      '24 c',
      '24(C)',
      'rec. 24(c)',
      'recommendation 24 (c)',
      '建议24(c)',
      '第24(c)段',
      'para 24(c)',
      '¶24(c)',
      '２４（ｃ）',
      '第24段(c)',
      '第24段(c)分段',
      '第 24 段 (c) 项',
      '24段(c)',
      'paragraph 24, subparagraph (c)',
      'para. 24 subparagraph (c)',
      'subparagraph 24(c)',
    ]) {
      expect(parseReference(q), q).toEqual({ kind: 'recommendation', paragraph: 24, letter: 'c' });
    }
    expect(parseReference('24(ii)')).toEqual({ kind: 'recommendation', paragraph: 24, letter: 'ii' });
    expect(parseReference('66e')).toEqual({ kind: 'recommendation', paragraph: 66, letter: 'e' });
  });

  it('reads a paragraph', () => {
    for (const q of ['¶24', '¶ 24', 'para 24', 'para. 24', 'paragraph 24', 'Paragraph 24', '第24段', '第 24 段', '24段', '24', '§24']) {
      expect(parseReference(q), q).toEqual({ kind: 'paragraph', number: 24 });
    }
  });

  it('takes the tag of a report before or after the reference', () => {
    expect(parseReference('LAC-15 24(c)')).toEqual({ kind: 'recommendation', paragraph: 24, letter: 'c', tag: 'LAC-15' });
    expect(parseReference('¶24 afr-15')).toEqual({ kind: 'paragraph', number: 24, tag: 'AFR-15' });
    expect(parseReference('ENA-15')).toEqual({ kind: 'tag', tag: 'ENA-15' });
  });

  it('reads document symbols in any case, spaces ignored', () => {
    expect(parseReference('A/CONF.241/RPM.2/1')).toEqual({ kind: 'symbol', symbol: 'A/CONF.241/RPM.2/1' });
    expect(parseReference('a/conf.241/rpm.2/L.1/Add.1')).toEqual({ kind: 'symbol', symbol: 'A/CONF.241/RPM.2/L.1/ADD.1' });
    expect(parseReference('A/RES/79/186')).toEqual({ kind: 'symbol', symbol: 'A/RES/79/186' });
    expect(parseReference('E/CN.15/2007/6')).toEqual({ kind: 'symbol', symbol: 'E/CN.15/2007/6' });
  });

  it('reads agenda items and workshops', () => {
    expect(parseReference('agenda item 3')).toEqual({ kind: 'agenda-item', number: 3 });
    expect(parseReference('议程项目3')).toEqual({ kind: 'agenda-item', number: 3 });
    expect(parseReference('Workshop 2')).toEqual({ kind: 'workshop', number: 2 });
    expect(parseReference('讲习班 4')).toEqual({ kind: 'workshop', number: 4 });
  });

  it('leaves everything else to the text search', () => {
    for (const q of [
      '第24段c分段',
      'subparagraph (c)',
      '2030',
      '2030 年',
      'and/or',
      '24 cases',
      'page 24',
      'p. 24',
      '墨西哥',
      'Bangkok Rules',
      'UNTOC',
      'A/',
      '',
    ]) {
      expect(parseReference(q), q).toBeUndefined();
    }
  });
});
