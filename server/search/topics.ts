/**
 * The reviewed list of topics these reports discuss (data/topics.json), each with
 * its Chinese and English forms and the source of the rendering (a UN instrument
 * whose two language versions use the pair, or UNTERM, the UN terminology database).
 * Search uses it to find Chinese text for an English query and the reverse, for
 * concepts the gazetteer has no entity for (artificial intelligence, legal aid, …).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../config.ts';
import { tokenize, type Token } from './tokens.ts';

export const TOPICS_FILE = path.join(PROJECT_ROOT, 'data', 'topics.json');

const Form = z.string().trim().min(1).max(100);
const TopicSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a lower-case slug (legal-aid)'),
  en: z.array(Form).min(1),
  zh: z.array(Form).min(1),
  source: z.string().trim().min(1),
  note: z.string().optional(),
});

export type Topic = z.infer<typeof TopicSchema>;

/** A topic with its forms tokenised once. */
export interface TopicEntry extends Topic {
  forms: { text: string; lang: 'en' | 'zh'; tokens: Token[] }[];
}

/** The key two token sequences share when they say the same words (plural endings aside). */
export function tokenKey(tokens: readonly Token[]): string {
  return tokens.map((t) => t.stem).join(' ');
}

/**
 * Validate and prepare a topics list. Throws an Error naming the entry for: a schema
 * violation, a repeated id, a form with no letters, or one form (after folding) in two topics.
 */
export function parseTopics(json: unknown, where = TOPICS_FILE): TopicEntry[] {
  const parsed = z.array(TopicSchema).safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`topics file ${where}: entry ${issue.path.join('.')}: ${issue.message}`);
  }
  const ids = new Set<string>();
  const owner = new Map<string, string>();
  return parsed.data.map((topic) => {
    if (ids.has(topic.id)) throw new Error(`topics file ${where}: the id "${topic.id}" is used twice`);
    ids.add(topic.id);
    const forms = (['en', 'zh'] as const).flatMap((lang) =>
      topic[lang].map((text) => {
        const tokens = tokenize(text);
        if (tokens.length === 0) throw new Error(`topics file ${where}: topic "${topic.id}": the form "${text}" has no letters`);
        const key = tokenKey(tokens);
        const other = owner.get(key);
        if (other && other !== topic.id) throw new Error(`topics file ${where}: the form "${text}" is in both "${other}" and "${topic.id}"`);
        owner.set(key, topic.id);
        return { text, lang, tokens };
      }),
    );
    return { ...topic, forms };
  });
}

let cached: TopicEntry[] | undefined;

/** data/topics.json, read and checked once per process (throws as parseTopics does, or when the file is unreadable). */
export function loadTopics(file: string = TOPICS_FILE): TopicEntry[] {
  if (file !== TOPICS_FILE) return parseTopics(JSON.parse(readFileSync(file, 'utf8')), file);
  cached ??= parseTopics(JSON.parse(readFileSync(file, 'utf8')), file);
  return cached;
}

/** The topics one of whose forms is the query itself (same words, plural endings aside). */
export function topicsNamed(query: readonly Token[], topics: readonly TopicEntry[]): TopicEntry[] {
  if (query.length === 0) return [];
  const key = tokenKey(query);
  return topics.filter((t) => t.forms.some((f) => tokenKey(f.tokens) === key));
}
