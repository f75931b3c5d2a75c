import { describe, expect, it } from 'vitest';
import { RELATIONSHIPS_PER_512_MIB, parseByteSize, relationshipsPerTransaction, transactionBudget } from '../../../../../server/db/load/transaction-size.ts';

const MIB = 1024 * 1024;

describe('parseByteSize', () => {
  it.each([
    ['268435456', 256 * MIB],
    ['256.00MiB', 256 * MIB],
    ['256m', 256 * MIB],
    ['1.50GiB', 1.5 * 1024 * MIB],
    ['1536M', 1536 * MIB],
    ['2g', 2048 * MIB],
    ['512k', 512 * 1024],
    ['0B', 0],
    ['0', 0],
  ])('%s', (value, bytes) => expect(parseByteSize(value)).toBe(bytes));

  it.each(['', 'unlimited', '-1', 'abc', null, undefined])('refuses %s', (value) => expect(parseByteSize(value)).toBeUndefined());
});

describe('transactionBudget', () => {
  it('takes the tightest set limit, 0 meaning none', () => {
    expect(transactionBudget({ 'db.memory.transaction.max': '0', 'dbms.memory.transaction.total.max': '1.50GiB' })).toBe(1536 * MIB);
    expect(transactionBudget({ 'db.memory.transaction.max': '256m', 'dbms.memory.transaction.total.max': '1.50GiB' })).toBe(256 * MIB);
    expect(transactionBudget({ 'db.memory.transaction.total.max': '300m', 'dbms.memory.transaction.total.max': '1g' })).toBe(300 * MIB);
  });

  it('falls back to half the heap when no limit is set, and to nothing when nothing is readable', () => {
    expect(transactionBudget({ 'db.memory.transaction.max': '0', 'dbms.memory.transaction.total.max': '0', 'server.memory.heap.max_size': '2g' })).toBe(
      1024 * MIB,
    );
    expect(transactionBudget({})).toBeUndefined();
  });
});

describe('relationshipsPerTransaction', () => {
  it('gives 60,000 per 512 MiB', () => {
    expect(relationshipsPerTransaction({ 'db.memory.transaction.max': '512m' })).toBe(60_000);
    expect(relationshipsPerTransaction({ 'dbms.memory.transaction.total.max': '1.50GiB' })).toBe(180_000);
    expect(relationshipsPerTransaction({ 'db.memory.transaction.max': '256m' })).toBe(30_000);
  });

  it('keeps a floor for a small budget and a default when the settings cannot be read', () => {
    expect(relationshipsPerTransaction({ 'db.memory.transaction.max': '16m' })).toBe(10_000);
    expect(relationshipsPerTransaction({})).toBe(RELATIONSHIPS_PER_512_MIB);
  });
});
