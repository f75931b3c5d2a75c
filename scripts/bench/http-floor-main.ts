/**
 * The HTTP floor's process (http-floor.ts): its own driver on NEO4J_URI, a bare node:http
 * server on a free loopback port, the port sent to the parent (IPC). Ends on SIGTERM or
 * when the parent goes.
 */
import http from 'node:http';
import { createDriver } from '../../server/db/driver.ts';
import { floorListener } from './http-floor.ts';

const driver = createDriver({ uri: process.env.NEO4J_URI!, user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? '' });
const server = http.createServer(floorListener(driver));
const stop = (): void => {
  server.close();
  server.closeAllConnections();
  void driver.close().finally(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('disconnect', stop);
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
});
