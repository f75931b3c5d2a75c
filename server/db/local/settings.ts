/**
 * The neo4j.conf the launcher loads. Embedded defaults suit a big server with
 * trusted users; these suit a small shared machine (see docs/NEO4J.md).
 */
export interface LocalSettings {
  boltPort: number;
  pageCache: string;
  transactionMemory: string;
}

export function renderNeo4jConf(s: LocalSettings): string {
  const settings: Record<string, string> = {
    'dbms.security.auth_enabled': 'true',
    'server.bolt.enabled': 'true',
    'server.bolt.listen_address': `127.0.0.1:${s.boltPort}`,
    'server.bolt.advertised_address': `127.0.0.1:${s.boltPort}`,
    'server.http.enabled': 'false',
    'server.https.enabled': 'false',
    // A runaway query is stopped by the server even if a client forgets a timeout.
    'db.transaction.timeout': '120s',
    'server.memory.pagecache.size': s.pageCache,
    'dbms.memory.transaction.total.max': s.transactionMemory,
    'db.memory.transaction.max': s.transactionMemory,
    // LOAD CSV FROM 'file:///…' would read any file the JVM can.
    'dbms.security.allow_csv_import_from_file_urls': 'false',
    'dbms.usage_report.enabled': 'false',
    // Repeated loads must not grow the disk for days.
    'db.tx_log.rotation.retention_policy': '2 files',
  };
  return `${Object.entries(settings)
    .map(([key, value]) => `${key}=${value}`)
    .join('\n')}\n`;
}
