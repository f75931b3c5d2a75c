/** Property values between graph.json and what the loader sends to (and reads from) Neo4j. */
import type { Integer } from 'neo4j-driver';
import type { Properties, PropertyValue } from '../../contract/model.ts';
import { scalarToJson, toDriverValue } from '../queries/values.ts';

/** What the loader sends as a property value: JSON scalars with whole numbers as Neo4j integers. */
export type DbValue = string | number | boolean | Integer | string[] | number[] | boolean[] | Integer[];
export type DbProperties = Record<string, DbValue>;

/**
 * Properties (checked by checkStorable) as the loader sends them: nulls left out
 * (Neo4j has no null property), values through the one converter, toDriverValue
 * (whole numbers as integers; a list of numbers all integers or all floats).
 */
export function toDbProperties(properties: Record<string, PropertyValue>): DbProperties {
  const out: DbProperties = {};
  for (const [key, value] of Object.entries(properties)) if (value !== null && value !== undefined) out[key] = toDriverValue(value) as DbValue;
  return out;
}

/** Properties read back from Neo4j (integers as neo4j Integers) as graph.json values. */
export function fromDbProperties(properties: Record<string, unknown>): Properties {
  return Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, scalarToJson(v) as PropertyValue]));
}
