import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Properties } from '../../../../../server/contract/model.ts';
import {
  NO_CONTRIBUTIONS,
  contributionsOf,
  dbPropertiesOf,
  withContribution,
  withContributions,
  type Contributions,
} from '../../../../../server/db/load/contributions.ts';

/** The rule withContribution states, one report at a time, written out: replaced in place, else added last; keys sorted, nulls left out. */
function oneByOne(c: Contributions, says: Array<[string, Properties]>): Contributions {
  let reports = [...c.reports];
  let byReport = { ...c.byReport };
  for (const [report, properties] of says) {
    if (!reports.includes(report)) reports = [...reports, report];
    const canonical: Properties = {};
    for (const key of Object.keys(properties).sort()) if (properties[key] !== null) canonical[key] = properties[key]!;
    byReport = { ...byReport, [report]: canonical };
  }
  return { reports, byReport };
}

const report = fc.constantFrom('report:a', 'report:b', 'report:c', 'report:d');
const properties = fc.dictionary(fc.constantFrom('name_zh', 'name_en', 'count', 'iso3'), fc.oneof(fc.string(), fc.integer(), fc.constant(null)));
const says = fc.array(fc.tuple(report, properties), { maxLength: 12 });

describe('withContributions (the fold of one node or relationship over the reports that name it)', () => {
  it('gives what adding each report in turn gives, from any start', () => {
    fc.assert(
      fc.property(says, says, (first, then) => {
        const start = oneByOne(NO_CONTRIBUTIONS, first);
        expect(withContributions(start, then)).toEqual(oneByOne(start, then));
      }),
    );
  });

  it('keeps a report in its first place when it says something again, and leaves its input unchanged', () => {
    const start = withContributions(NO_CONTRIBUTIONS, [
      ['report:a', { name_en: 'Kenya' }],
      ['report:b', { name_en: 'Kenya', name_zh: '肯尼亚' }],
    ]);
    const copy = structuredClone(start);
    const next = withContributions(start, [
      ['report:c', { name_en: 'Kenya' }],
      ['report:a', { name_zh: '肯尼亚' }],
    ]);
    expect(next.reports).toEqual(['report:a', 'report:b', 'report:c']);
    expect(next.byReport['report:a']).toEqual({ name_zh: '肯尼亚' });
    expect(start).toEqual(copy);
    expect(withContribution(start, 'report:c', { name_en: 'Kenya' })).toEqual(withContributions(start, [['report:c', { name_en: 'Kenya' }]]));
  });

  it('round-trips through what the loader stores (_reports, _contrib)', () => {
    fc.assert(
      fc.property(says, (s) => {
        const c = withContributions(NO_CONTRIBUTIONS, s);
        const back = contributionsOf(dbPropertiesOf('node', c) as Record<string, unknown>);
        expect(back.reports).toEqual(c.reports);
        if (c.reports.length > 1) expect(back.byReport).toEqual(c.byReport);
      }),
    );
  });
});
