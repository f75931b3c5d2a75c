import { describe, expect, it } from 'vitest';
import { pathSteps, typesWithout } from '../../../../../client/src/views/pathModel.ts';

const node = (id: string) => ({ id, labels: [], name: id });
const rel = (id: string, type: string, start: string, end: string) => ({ id, type, start, end, properties: {} });

describe('path steps', () => {
  it('say which way each relationship runs: Mexico → theme ← ¶13 → UNTOC', () => {
    const steps = pathSteps({
      path: [node('state:MEX'), node('theme:15'), node('para:13'), node('instrument:untoc')],
      relationships: [
        rel('r1', 'SPOKE_ON', 'state:MEX', 'theme:15'),
        rel('r2', 'PART_OF', 'para:13', 'theme:15'),
        rel('r3', 'MENTIONS', 'para:13', 'instrument:untoc'),
      ],
    });
    expect(steps.map((s) => [s.type, s.forward])).toEqual([
      ['SPOKE_ON', true],
      ['PART_OF', false],
      ['MENTIONS', true],
    ]);
    expect(steps[1]).toMatchObject({ from: 'theme:15', to: 'para:13', relationship: 'r2' });
  });

  it('leave types out by keeping the others', () => {
    expect(typesWithout(['A', 'B', 'C'], ['B'])).toEqual(['A', 'C']);
    expect(typesWithout(['A', 'B'], [])).toEqual([]);
  });
});
