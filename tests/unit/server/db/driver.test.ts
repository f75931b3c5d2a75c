/**
 * The driver as the project installs it: package.json pins neo4j-driver exactly and
 * patch-package applies patches/neo4j-driver-bolt-connection+6.3.0.patch on every install.
 * A Bolt message that arrives in several pieces (Bolt chunks, TCP reads) is decoded exactly,
 * from one buffer: without the patch the driver hands it to the unpacker as a
 * CombinedBuffer, whose every byte and string read walks the pieces
 * (neo4j/neo4j-javascript-driver#1223), and this test fails.
 *
 * The driver's own Chunker (Bolt chunks of at most 1,398 bytes here), Dechunker, Packer and
 * Unpacker are used, read from the installed package as the driver itself loads them.
 */
import { createRequire } from 'node:module';
import fc from 'fast-check';
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';

interface BoltBuffer {
  readonly length: number;
  _buffer: Buffer;
}
type BufferClass = new (bytes: Buffer | number) => BoltBuffer;
interface Chunker {
  messageBoundary(): void;
  flush(): Chunker;
}
interface Dechunker {
  onmessage: (message: BoltBuffer) => void;
  write(piece: BoltBuffer): void;
}

const require = createRequire(import.meta.url);
const bolt = 'neo4j-driver-bolt-connection/lib';
const ChannelBuffer = (require(`${bolt}/channel/channel-buf.js`) as { default: BufferClass }).default;
const CombinedBuffer = (require(`${bolt}/channel/combined-buf.js`) as { default: BufferClass }).default;
const { Chunker, Dechunker } = require(`${bolt}/channel/chunking.js`) as {
  Chunker: new (channel: { write(buffer: BoltBuffer): void }, bufferSize?: number) => Chunker;
  Dechunker: new () => Dechunker;
};
const { Packer, Unpacker } = require(`${bolt}/packstream/packstream-v1.js`) as {
  Packer: new (channel: Chunker) => { packable(value: unknown): () => void };
  Unpacker: new (disableLosslessIntegers: boolean, useBigInt: boolean) => { unpack(buffer: BoltBuffer): unknown };
};

/** `values` as the bytes a Bolt server sends: each one message, in chunks of at most 1,398 bytes. */
function boltStream(values: readonly unknown[]): Buffer {
  const written: Buffer[] = [];
  const chunker = new Chunker({ write: (buffer) => written.push(Buffer.from(buffer._buffer)) }, 1400);
  const packer = new Packer(chunker);
  for (const value of values) {
    packer.packable(value)();
    chunker.messageBoundary();
  }
  chunker.flush();
  return Buffer.concat(written);
}

/** The messages the driver's Dechunker hands on when `stream` arrives cut at `cuts` (byte offsets). */
function receive(stream: Buffer, cuts: readonly number[]): BoltBuffer[] {
  const messages: BoltBuffer[] = [];
  const dechunker = new Dechunker();
  dechunker.onmessage = (message) => messages.push(message);
  const at = [...new Set([0, ...cuts.filter((c) => c > 0 && c < stream.length), stream.length])].sort((a, b) => a - b);
  for (let i = 0; i + 1 < at.length; i++) dechunker.write(new ChannelBuffer(stream.subarray(at[i], at[i + 1])));
  return messages;
}

const unpack = (message: BoltBuffer): unknown => new Unpacker(false, false).unpack(message);

/** A hub's record, as node details reads one: ~200 KB of maps, CJK text with characters outside the BMP, floats and 64-bit integers. */
function hubRecord(): Record<string, unknown> {
  const text = (i: number): string => `第${i}段：会议注意到𠮷野家与😀代表团关于打击跨国有组织犯罪的发言。Paragraph ${i} — “quoted”. `.repeat(3);
  return {
    key: 'state:china',
    labels: ['State'],
    props: [
      ['name_zh', '中国'],
      ['name_en', 'China'],
    ],
    groups: Array.from({ length: 8 }, (_, g) => ({
      type: `TYPE_${g}`,
      out: g % 2 === 0,
      count: neo4j.int(1000 + g),
      items: Array.from({ length: 100 }, (_, i) => ({
        eid: `4:0b6f…:${g * 100 + i}`,
        props: [
          ['spans', [neo4j.int(i), neo4j.int(i + 7)]],
          ['confidence', 0.1 * i + 1e-9],
          ['big', neo4j.int('9223372036854775807').subtract(i)],
          ['small', neo4j.int('-9223372036854775808').add(i)],
        ],
        m: { key: `para:r${g}:${i}`, labels: ['Paragraph'], fields: { text: text(i), number: neo4j.int(i), ratio: -0, huge: 1.7976931348623157e308 } },
        out: i % 3 === 0,
      })),
    })),
    versions: [],
    // Keys a plain object has from its prototype: each must come back as the record's own value.
    odd: JSON.parse('{"__proto__": "p", "constructor": "c", "toString": "t"}') as unknown,
  };
}

describe('the driver decodes a message that arrives in pieces', () => {
  it('from one buffer, exactly: a hub-sized record cut into TCP reads of every size from 1 byte to 64 KB', () => {
    const record = hubRecord();
    const stream = boltStream([record, 'after']);
    expect(stream.length).toBeGreaterThan(150_000);
    const reads = [1, 2, 3, 7, 1400, 1401, 8192, 65_536];
    const cuts: number[] = [];
    for (let at = 0, i = 0; at < stream.length; i++) cuts.push((at += reads[i % reads.length]!));
    const messages = receive(stream, cuts);
    expect(messages).toHaveLength(2);
    for (const message of messages) {
      expect(message).toBeInstanceOf(ChannelBuffer);
      expect(message).not.toBeInstanceOf(CombinedBuffer);
    }
    const decoded = unpack(messages[0]!) as Record<string, unknown>;
    expect(decoded).toEqual(record);
    const odd = decoded.odd as Record<string, unknown>;
    expect(Object.getPrototypeOf(odd)).toBe(Object.prototype);
    expect(Object.entries(odd)).toEqual([
      ['__proto__', 'p'],
      ['constructor', 'c'],
      ['toString', 't'],
    ]);
    expect(Object.is((decoded.groups as { items: { m: { fields: { ratio: number } } }[] }[])[0]!.items[0]!.m.fields.ratio, -0)).toBe(true);
    expect(unpack(messages[1]!)).toBe('after');
  });

  it('for any values and any cuts of the byte stream', () => {
    const int64 = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map((b) => neo4j.int(b.toString()));
    const scalar = fc.oneof(fc.string({ unit: 'binary', maxLength: 600 }), fc.double(), int64, fc.boolean(), fc.constant(null));
    const { value } = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        scalar,
        fc.array(tie('value'), { maxLength: 12 }),
        fc.dictionary(fc.string({ unit: 'binary', maxLength: 8 }), tie('value'), { maxKeys: 8 }),
      ),
    }));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { maxLength: 40 }), (values, rawCuts) => {
        const stream = boltStream(values);
        const messages = receive(
          stream,
          rawCuts.map((c) => c % stream.length),
        );
        expect(messages).toHaveLength(values.length);
        for (const message of messages) expect(message).not.toBeInstanceOf(CombinedBuffer);
        expect(messages.map(unpack)).toEqual(values);
      }),
      { numRuns: 150 },
    );
  });
});
