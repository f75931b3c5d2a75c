import type { NodeLabel, RelationshipType } from '../../../server/contract/model.ts';
import { LABEL_NAMES, MESSAGES, PROPERTY_NAMES, TYPE_NAMES, type Lang, type MessageKey } from './strings.ts';

export type { Lang, MessageKey } from './strings.ts';

/** The message for `key` in `lang`, with `{name}` placeholders filled from `vars`. */
export function t(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const template = MESSAGES[lang][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function labelName(lang: Lang, label: string): string {
  return LABEL_NAMES[label as NodeLabel]?.[lang] ?? label;
}

export function typeName(lang: Lang, type: string): string {
  return TYPE_NAMES[type as RelationshipType]?.[lang] ?? type.toLowerCase().replace(/_/g, ' ');
}

export function propertyName(lang: Lang, key: string): string {
  return PROPERTY_NAMES[key]?.[lang] ?? key;
}

export function otherLang(lang: Lang): Lang {
  return lang === 'zh' ? 'en' : 'zh';
}

export function isLang(value: unknown): value is Lang {
  return value === 'zh' || value === 'en';
}
