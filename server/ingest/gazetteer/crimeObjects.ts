/**
 * Crime types named by what is trafficked: "trafficking in X", "X trafficking", "illicit
 * trade in X", "贩运X", "X的非法贸易", "X非法贩运", "走私X" for every object X the gazetteer
 * gives a crime type (objects_en, objects_zh: wildlife, timber, cultural property, drugs…).
 * The phrasings are those of UN texts in each language (the UNTOC protocols' "trafficking
 * in", the Chinese "贩运"/"非法贸易"/"走私").
 */
import type { Language } from '../parse/types.ts';
import type { CrimeTypeEntry } from './types.ts';

const TEMPLATES: Record<Language, ((o: string) => string)[]> = {
  en: [
    (o) => `trafficking in ${o}`,
    (o) => `trafficking of ${o}`,
    (o) => `illicit trafficking in ${o}`,
    (o) => `illicit trafficking of ${o}`,
    (o) => `illegal trafficking in ${o}`,
    (o) => `illegal trafficking of ${o}`,
    (o) => `illicit trade in ${o}`,
    (o) => `illegal trade in ${o}`,
    (o) => `smuggling of ${o}`,
    (o) => `${o} trafficking`,
    (o) => `${o} smuggling`,
  ],
  zh: [
    (o) => `贩运${o}`,
    (o) => `非法贩运${o}`,
    (o) => `走私${o}`,
    (o) => `${o}贩运`,
    (o) => `${o}非法贩运`,
    (o) => `${o}的贩运`,
    (o) => `${o}的非法贩运`,
    (o) => `${o}非法贸易`,
    (o) => `${o}的非法贸易`,
    (o) => `非法${o}贸易`,
    (o) => `${o}走私`,
    (o) => `${o}的走私`,
  ],
};

/** The surface forms the objects of a crime type give it, in both languages. */
export function crimeObjectForms(c: CrimeTypeEntry): string[] {
  return [...(c.objects_en ?? []).flatMap((o) => TEMPLATES.en.map((t) => t(o))), ...(c.objects_zh ?? []).flatMap((o) => TEMPLATES.zh.map((t) => t(o)))];
}

export interface CrimeObjects {
  /** Object term → crime type id, per language. */
  en: Map<string, string>;
  zh: Map<string, string>;
}

export function crimeObjects(crimeTypes: readonly CrimeTypeEntry[]): CrimeObjects {
  const en = new Map<string, string>();
  const zh = new Map<string, string>();
  for (const c of crimeTypes) {
    for (const o of c.objects_en ?? []) en.set(o.toLowerCase(), c.id);
    for (const o of c.objects_zh ?? []) zh.set(o, c.id);
  }
  return { en, zh };
}
