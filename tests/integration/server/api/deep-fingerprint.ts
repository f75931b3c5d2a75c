import type { Driver } from 'neo4j-driver';
import { fingerprint, type Fingerprint } from './helpers.ts';

export interface DeepFingerprint extends Fingerprint {
  /** Token names: a refused CREATE must not even leave a new label, type or property key behind. */
  tokens: string[];
}

/** The API tests' fingerprint plus the label, type and property-key tokens. */
export async function deepFingerprint(driver: Driver): Promise<DeepFingerprint> {
  const base = await fingerprint(driver);
  const tokens: string[] = [];
  for (const [query, column, prefix] of [
    ['CALL db.labels() YIELD label RETURN label AS t', 't', 'label:'],
    ['CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType AS t', 't', 'type:'],
    ['CALL db.propertyKeys() YIELD propertyKey RETURN propertyKey AS t', 't', 'key:'],
  ] as const) {
    const { records } = await driver.executeQuery(query);
    for (const r of records) tokens.push(prefix + String(r.get(column)));
  }
  const users = await driver.executeQuery('SHOW USERS YIELD user RETURN user ORDER BY user', {}, { database: 'system' });
  for (const r of users.records) tokens.push(`user:${String(r.get('user'))}`);
  return { ...base, tokens: tokens.sort() };
}
