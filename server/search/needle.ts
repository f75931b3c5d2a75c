/**
 * What search looks for: the query as typed, and the other-language forms it
 * stands for (a topic's forms, the aliases of the entity it names exactly).
 */
import { queryUnits, type Unit } from './match.ts';
import { tokenize, type Token } from './tokens.ts';

export interface Via {
  /** Found through the topics list or through an entity's aliases. */
  kind: 'topic' | 'alias';
  /** The topic's id or the entity's node id. */
  from: string;
  /** The form searched for, as written in the topics list or the graph. */
  form: string;
}

export interface Needle {
  text: string;
  tokens: Token[];
  units: Unit[];
  /** The last word may be the start of a longer word: true for what a user types, false for forms from data. */
  prefix: boolean;
  /** Absent for the query itself. */
  via?: Via;
}

export function makeNeedle(text: string, prefix: boolean, via?: Via): Needle {
  const tokens = tokenize(text);
  const n: Needle = { text, tokens, units: queryUnits(tokens), prefix };
  if (via) n.via = via;
  return n;
}
