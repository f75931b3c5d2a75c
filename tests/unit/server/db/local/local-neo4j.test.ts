import { describe, expect, it } from 'vitest';
import { loadConfig, ConfigError } from '../../../../../server/config.ts';
import { parseJavaMajor } from '../../../../../server/db/local/java.ts';
import { explainLaunchFailure } from '../../../../../server/db/local/local-neo4j.ts';
import { renderNeo4jConf } from '../../../../../server/db/local/settings.ts';

describe('parseJavaMajor', () => {
  it.each([
    ['openjdk version "17.0.15" 2025-04-15', 17],
    ['openjdk version "21" 2023-09-19', 21],
    ['java version "1.8.0_381"', 8],
    ['openjdk version "25.0.1" 2025-10-21', 25],
    ['something else', undefined],
  ])('%s → %s', (banner, major) => {
    expect(parseJavaMajor(banner)).toBe(major);
  });
});

describe('renderNeo4jConf', () => {
  const conf = renderNeo4jConf({ boltPort: 7777, pageCache: '128m', transactionMemory: '256m' });
  const settings = Object.fromEntries(
    conf
      .trim()
      .split('\n')
      .map((line) => line.split('=') as [string, string]),
  );

  it('binds Bolt to loopback on the given port, with authentication on', () => {
    expect(settings['server.bolt.listen_address']).toBe('127.0.0.1:7777');
    expect(settings['dbms.security.auth_enabled']).toBe('true');
    expect(settings['server.http.enabled']).toBe('false');
  });

  it('guards the embedded defaults that do not suit a shared machine', () => {
    expect(settings['dbms.security.allow_csv_import_from_file_urls']).toBe('false');
    expect(settings['db.memory.transaction.max']).toBe('256m');
    expect(settings['server.memory.pagecache.size']).toBe('128m');
    expect(settings['db.transaction.timeout']).toMatch(/^\d+s$/);
    expect(settings['db.tx_log.rotation.retention_policy']).toBeDefined();
  });
});

describe('explainLaunchFailure', () => {
  const where = { boltPort: 7687, dataDir: '/data/neo4j' };
  it('names the port when Bolt cannot bind', () => {
    expect(explainLaunchFailure('Address already in use | BindException: x', where).message).toMatch(/Port 7687 .* NEO4J_BOLT_PORT/);
  });
  it('names the data directory when another process holds its lock', () => {
    expect(
      explainLaunchFailure('FileLockException: Lock file has been locked by another process: /data/neo4j/data/databases/store_lock', where).message,
    ).toMatch(/data directory \/data\/neo4j is in use/);
  });
  it('says what to do about a store that will not open, in one line', () => {
    const message = explainLaunchFailure('Store files are corrupt\nline two', where).message;
    expect(message).not.toContain('\n');
    expect(message).toMatch(/move that directory away/);
  });
});

describe('loadConfig', () => {
  it('has safe defaults: loopback, port 3000, a local Neo4j on 7687', () => {
    const config = loadConfig({}, '/repo');
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(3000);
    expect(config.neo4j.uri).toBeUndefined();
    expect(config.neo4j.local.boltPort).toBe(7687);
    expect(config.neo4j.local.dataDir).toBe('/repo/.data/neo4j');
  });
  it('treats an empty NEO4J_URI as unset', () => {
    expect(loadConfig({ NEO4J_URI: '' }).neo4j.uri).toBeUndefined();
  });
  it('rejects malformed values with the setting’s name', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(ConfigError);
    expect(() => loadConfig({ NEO4J_HEAP: 'lots' })).toThrow(/NEO4J_HEAP/);
  });
});
