/**
 * A large record through the real Neo4j and the driver as the project installs it (patched:
 * patches/, tests/unit/server/db/driver.test.ts): Neo4j sends it in Bolt chunks of up to
 * 64 KB and the socket delivers it in reads of its own, so the message reaches the driver in
 * pieces, with UTF-8 characters of up to four bytes, floats and 64-bit integers cut between
 * them. It must come back exactly as it was sent.
 */
import { createRequire } from 'node:module';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readQuery } from '../../../../server/db/queries/run.ts';
import { toDriverValue } from '../../../../server/db/queries/values.ts';
import { testDriver } from '../../../setup/neo4j.ts';

interface DechunkerPrototype {
  _currentMessage: unknown[];
  _onHeader(this: DechunkerPrototype, header: number): unknown;
}
const { Dechunker } = createRequire(import.meta.url)('neo4j-driver-bolt-connection/lib/channel/chunking.js') as {
  Dechunker: { prototype: DechunkerPrototype };
};

let driver: Driver;
beforeAll(() => {
  driver = testDriver();
});
afterAll(() => driver.close());

/** What `work` reads, and the most pieces one message of it arrived in (read through the driver's Dechunker, unchanged). */
async function countingPieces<T>(work: () => Promise<T>): Promise<{ result: T; pieces: number }> {
  const onHeader = Dechunker.prototype._onHeader;
  let pieces = 0;
  Dechunker.prototype._onHeader = function (header) {
    if (header === 0) pieces = Math.max(pieces, this._currentMessage.length);
    return onHeader.call(this, header);
  };
  try {
    return { result: await work(), pieces };
  } finally {
    Dechunker.prototype._onHeader = onHeader;
  }
}

describe('the driver reads a large record from Neo4j', () => {
  it('exactly, when it arrives in many pieces: CJK and characters outside the BMP, floats, 64-bit integers', async () => {
    const text = (i: number): string => `第${i}段：𠮷野家与😀代表团🇨🇳关于打击跨国有组织犯罪的发言。Paragraph ${i} — “quoted”, é, ß. `.repeat(1 + (i % 5));
    const value = {
      items: Array.from({ length: 1500 }, (_, i) => ({
        id: `para:report-${i}`,
        text: text(i),
        spans: [i, i + 7, i + 11, i + 30],
        confidence: i / 7 + 0.5,
        big: neo4j.int('9223372036854775807').subtract(i),
        small: neo4j.int('-9223372036854775808').add(i),
      })),
      // One string longer than a Bolt chunk: it is cut between chunks whatever the socket does.
      long: text(4).repeat(400),
    };
    const { result, pieces } = await countingPieces(() => readQuery(driver, 'RETURN $value AS value', { value }));
    expect(pieces).toBeGreaterThan(1);
    expect(result.records[0]!.get('value')).toEqual(toDriverValue(value));
  });
});
