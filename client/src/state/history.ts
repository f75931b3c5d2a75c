/** The Cypher console's history: most recent first, no duplicates, capped, kept in localStorage. */
export interface HistoryStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const HISTORY_KEY = 'congress-graph.cypher-history';
export const HISTORY_LIMIT = 30;

export function readHistory(storage: HistoryStorage | undefined, key = HISTORY_KEY): string[] {
  if (!storage) return [];
  try {
    const parsed: unknown = JSON.parse(storage.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((q): q is string => typeof q === 'string' && q.trim() !== '') : [];
  } catch {
    return [];
  }
}

/** The history with `query` on top (moved there when already present). */
export function pushHistory(history: readonly string[], query: string, limit = HISTORY_LIMIT): string[] {
  const trimmed = query.trim();
  if (!trimmed) return [...history];
  return [trimmed, ...history.filter((q) => q.trim() !== trimmed)].slice(0, limit);
}

export function writeHistory(storage: HistoryStorage | undefined, history: readonly string[], key = HISTORY_KEY): void {
  if (!storage) return;
  try {
    storage.setItem(key, JSON.stringify(history));
  } catch {
    // Storage full or disabled: the history simply is not kept.
  }
}

export function clearHistory(storage: HistoryStorage | undefined, key = HISTORY_KEY): void {
  try {
    storage?.removeItem(key);
  } catch {
    // ignore
  }
}
