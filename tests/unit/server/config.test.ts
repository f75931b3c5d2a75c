import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { ConfigError, defaultConsoleConcurrency, loadConfig } from '../../../server/config.ts';

describe('the Cypher console’s worker count (CYPHER_CONCURRENCY)', () => {
  it('follows the cores the process may use, from 2 to 4', () => {
    expect(defaultConsoleConcurrency(1)).toBe(2); // one slow query must not hold up every other user
    expect(defaultConsoleConcurrency(2)).toBe(2);
    expect(defaultConsoleConcurrency(3)).toBe(3);
    expect(defaultConsoleConcurrency(4)).toBe(4);
    expect(defaultConsoleConcurrency(64)).toBe(4);
  });

  it('is this machine’s by default', () => {
    expect(loadConfig({}).cypher.concurrency).toBe(defaultConsoleConcurrency(os.availableParallelism()));
  });

  it('is the setting’s when set, above or below the default', () => {
    expect(loadConfig({ CYPHER_CONCURRENCY: '1' }).cypher.concurrency).toBe(1);
    expect(loadConfig({ CYPHER_CONCURRENCY: '16' }).cypher.concurrency).toBe(16);
  });

  it('refuses a count that is not a positive whole number', () => {
    expect(() => loadConfig({ CYPHER_CONCURRENCY: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ CYPHER_CONCURRENCY: 'many' })).toThrow(/CYPHER_CONCURRENCY/);
  });
});
