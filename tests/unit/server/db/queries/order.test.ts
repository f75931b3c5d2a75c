import { describe, expect, it } from 'vitest';
import { naturalCompare } from '../../../../../server/db/queries/order.ts';

describe('naturalCompare', () => {
  it('orders numbers inside labels and ids by value', () => {
    expect(['¶ 10', '¶ 9', '¶ 100'].sort(naturalCompare)).toEqual(['¶ 9', '¶ 10', '¶ 100']);
    expect(['rec:r-24(c)', 'rec:r-3(a)', 'rec:r-100'].sort(naturalCompare)).toEqual(['rec:r-3(a)', 'rec:r-24(c)', 'rec:r-100']);
  });

  it('gives the order localeCompare gives in English with numeric collation, Chinese and mixed labels included', () => {
    const labels = [
      '建议 24(c)',
      '建议 3',
      '第10段',
      '第9段',
      'Recommendation 2',
      'recommendation 10',
      'state:ARG',
      'state:arg',
      '',
      'ÉCOSOC',
      'ECOSOC',
      '24(c)',
      '24(C)',
    ];
    for (const a of labels) for (const b of labels) expect(Math.sign(naturalCompare(a, b))).toBe(Math.sign(a.localeCompare(b, 'en', { numeric: true })));
  });
});
