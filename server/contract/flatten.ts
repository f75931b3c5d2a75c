/** Attribute values for formats that hold scalars only (GEXF, GraphML, CSV cells): lists joined. */
import type { Json } from './graph.ts';

export const LIST_SEPARATOR = ' | ';

export function flatValue(value: Json): string | number | boolean | null {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((v) => (v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v))).join(LIST_SEPARATOR);
  return JSON.stringify(value);
}

export function flatProperties(properties: Record<string, Json>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(properties)) {
    const flat = flatValue(v);
    if (flat !== null) out[k] = flat;
  }
  return out;
}
