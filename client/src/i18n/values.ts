import type { Lang } from './strings.ts';

/**
 * Names of the enumerated property values the graph stores as codes, in both
 * languages: what kind of link the text states (LINKED_TO.kind), what kind of
 * instrument or organisation an entry is (the gazetteers' `kind`), in what role
 * a State or person took part (ATTENDED, SPOKE_ON, HELD_ROLE `role`), a
 * report's language.
 *
 * Sources: docs/MODEL.md (relationship properties), the gazetteers in
 * data/gazetteer/ (instrument and organisation kinds), the parser's roles
 * (server/ingest/parse/types.ts: SpeakerRole, AttendanceRole, BureauRole) and
 * the UN's own terms (observer State, rapporteur, specialized agency, …) in
 * the Chinese and English reports of the Congress.
 */
const KIND: Record<string, Record<Lang, string>> = {
  // LINKED_TO: links between crime types the text states.
  'predicate-offence': { zh: '上游犯罪', en: 'predicate offence' },
  nexus: { zh: '关联', en: 'nexus' },
  'form-of': { zh: '属于', en: 'form of' },
  contested: { zh: '有争议', en: 'contested' },
  // Instruments.
  treaty: { zh: '条约', en: 'treaty' },
  protocol: { zh: '议定书', en: 'protocol' },
  rules: { zh: '规则', en: 'rules' },
  declaration: { zh: '宣言', en: 'declaration' },
  agenda: { zh: '议程', en: 'agenda' },
  resolution: { zh: '决议', en: 'resolution' },
  decision: { zh: '决定', en: 'decision' },
  principles: { zh: '原则', en: 'principles' },
  guidelines: { zh: '准则', en: 'guidelines' },
  standards: { zh: '标准', en: 'standards' },
  strategy: { zh: '战略', en: 'strategy' },
  'plan-of-action': { zh: '行动计划', en: 'plan of action' },
  convention: { zh: '公约', en: 'convention' },
  pact: { zh: '契约', en: 'pact' },
  compact: { zh: '契约', en: 'compact' },
  code: { zh: '守则', en: 'code of conduct' },
  'model-treaty': { zh: '示范条约', en: 'model treaty' },
  'model-strategies': { zh: '示范战略', en: 'model strategies' },
  safeguards: { zh: '保障措施', en: 'safeguards' },
  treaties: { zh: '一组条约', en: 'group of treaties' },
  classification: { zh: '分类', en: 'classification' },
  // Organisations.
  'un-entity': { zh: '联合国实体', en: 'United Nations entity' },
  'un-organ': { zh: '联合国机关', en: 'United Nations organ' },
  'un-initiative': { zh: '联合国倡议', en: 'United Nations initiative' },
  'un-related': { zh: '联合国相关组织', en: 'related organization of the United Nations' },
  'regional-commission': { zh: '区域委员会', en: 'regional commission' },
  'specialized-agency': { zh: '专门机构', en: 'specialized agency' },
  institute: { zh: '研究所', en: 'institute' },
  ngo: { zh: '非政府组织', en: 'non-governmental organization' },
  igo: { zh: '政府间组织', en: 'intergovernmental organization' },
  network: { zh: '网络', en: 'network' },
  'treaty-body': { zh: '条约机构', en: 'treaty body' },
  'regional-organization': { zh: '区域组织', en: 'regional organization' },
  other: { zh: '其他', en: 'other' },
};

/** The entries of `table` under `keys` (each must be there). */
function pick(table: Record<string, Record<Lang, string>>, keys: readonly string[]): Record<string, Record<Lang, string>> {
  return Object.fromEntries(
    keys.map((key) => {
      const names = table[key];
      if (!names) throw new Error(`no names for ${key}`);
      return [key, names];
    }),
  );
}

const ROLE: Record<string, Record<Lang, string>> = {
  // SPOKE_ON.
  representative: { zh: '代表', en: 'representative' },
  observer: { zh: '观察员', en: 'observer' },
  president: { zh: '主席（组织）', en: 'president' },
  head: { zh: '负责人', en: 'head of organization' },
  // ATTENDED: a member State, or an organisation attending as what it is (its kind's name).
  member: { zh: '成员国', en: 'member State' },
  ...pick(KIND, ['un-entity', 'institute', 'ngo', 'igo', 'specialized-agency']),
  // HELD_ROLE: the bureau.
  chair: { zh: '主席', en: 'chair' },
  'vice-chair': { zh: '副主席', en: 'vice-chair' },
  rapporteur: { zh: '报告员', en: 'rapporteur' },
  presiding: { zh: '主持', en: 'presiding' },
};

const LANGUAGE: Record<string, Record<Lang, string>> = {
  zh: { zh: '中文', en: 'Chinese' },
  en: { zh: '英文', en: 'English' },
  fr: { zh: '法文', en: 'French' },
  es: { zh: '西班牙文', en: 'Spanish' },
  ru: { zh: '俄文', en: 'Russian' },
  ar: { zh: '阿拉伯文', en: 'Arabic' },
};

/** The enumerated values per property name. */
export const VALUE_NAMES: Readonly<Record<string, Readonly<Record<string, Record<Lang, string>>>>> = {
  kind: KIND,
  role: ROLE,
  language: LANGUAGE,
  via: { direct: { zh: '直接', en: 'direct' }, supplement: { zh: '经补充文书', en: 'through a supplementing instrument' } },
};

/** Whether the viewer words `property`'s values (so an unknown value is a gap, not free text). */
export function isEnumerated(property: string): boolean {
  return property in VALUE_NAMES;
}

/**
 * A stored code as a reader reads it: `valueName('zh', 'kind', 'predicate-offence')`
 * is "上游犯罪". A code the viewer does not know is shown as stored (never guessed),
 * with hyphens as spaces in English; values of properties that are not
 * enumerated come back unchanged.
 */
export function valueName(lang: Lang, property: string, value: string): string {
  const names = VALUE_NAMES[property];
  if (!names) return value;
  const known = names[value]?.[lang];
  if (known) return known;
  return lang === 'en' ? value.replace(/-/g, ' ') : value;
}
