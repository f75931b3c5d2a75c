/**
 * Everything language-specific the parser relies on: the fixed phrases of UN
 * meeting reports in Chinese and in English. The parsing logic itself is shared.
 * Regexes with a `list` group capture a list of names; an `end` group that
 * matched nothing means the text stopped before the list did (truncation).
 */
import { findChineseDateRange, findEnglishDateRange } from './dates.ts';
import { parseChineseNumeral, parseEnglishOrdinal, parseRoman } from './numerals.ts';
import type { AttendanceRole, BureauRole, DateRange, Language, SpeakerKind, SpeakerRole } from './types.ts';

export interface SpeakerCue {
  pattern: RegExp;
  role: SpeakerRole;
  kind: SpeakerKind;
}

export interface AttendanceCue {
  pattern: RegExp;
  /** Role from the words that introduce the list (`intro` group), or a fixed one. */
  role: AttendanceRole | 'by-intro';
}

export interface TitleParts {
  meetingName: string;
  congressName: string;
  region: string;
  venue: string;
  dates: string;
}

export interface Lexicon {
  language: Language;
  tocHeading: RegExp;
  pageHeader: RegExp;
  chapterHeading: RegExp;
  chapterNumber(label: string): number | null;
  sectionHeading: RegExp;
  annexHeading: RegExp;
  documentListHeading: RegExp;
  recommendationsChapter: RegExp;
  attendanceSection: RegExp;
  themeSection: RegExp;
  recommendationsIntro: RegExp;
  agendaIntro: RegExp;
  speakerCues: SpeakerCue[];
  attendanceCues: AttendanceCue[];
  attendanceRoleWords: [RegExp, AttendanceRole][];
  bureauLine: RegExp;
  bureauRoles: [RegExp, BureauRole][];
  personWithAffiliation: RegExp;
  presiding: RegExp;
  presidingAct(word: string): 'presided' | 'opened' | 'closed';
  isTitleEnd(line: string): boolean;
  titleJoiner: string;
  parseTitle(title: string): TitleParts | null;
  congressName: RegExp;
  congressNumber(name: string): number | null;
  congressVenueLine: RegExp;
  findDateRange(s: string): DateRange | null;
  /** A line that ends a sentence (so a following short line may be a heading). */
  sentenceEnd: RegExp;
  maxSubheadingLength: number;
}

// A personal name in Latin script, as both languages print it.
const NAME = String.raw`[\p{Lu}][\p{L}.'’\-]*(?:\s+[\p{L}.'’\-]+)*?`;

/** What a speaker did, in English: "made a statement", "also made statements", "addressed the meeting", "took the floor". */
const EN_SPOKE = String.raw`(?:also )?(?:made (?:a )?statements?|addressed the meeting|took the floor|spoke)`;

/**
 * A sentence or clause with the speakers as its subject: `<lead> X, Y and Z also made statements`
 * (ending at the full stop, or at the comma of "…, as did …").
 */
function enSubjectCue(lead: string): RegExp {
  return new RegExp(String.raw`${lead} (?<list>[^.:]+?),? ${EN_SPOKE}(?<end>[.,;])`, 'dgi');
}

/** What a speaker did, in Chinese: "作了发言", "也发了言", "也在会上发言", "致辞". */
const ZH_SPOKE = String.raw`(?:也)?(?:在会上)?(?:作了发言|发了言|发言|讲了话|致辞)`;

/**
 * A clause with the speakers as its subject: `X、Y和Z<role>也作了发言`, starting at a sentence
 * or clause start (after 。，；) and ending at 。，； — the list never runs over another
 * clause's verb, so "A的观察员也作了发言，B的观察员也作了发言。" gives two lists.
 */
function zhSubjectCue(role: string): RegExp {
  return new RegExp(String.raw`(?:^|(?<=[。，；]))(?!下列)(?<list>(?:(?!作了发言|发了言)[^。：:\n])+?)${role}${ZH_SPOKE}(?<end>[。，；])`, 'dg');
}

export const CHINESE: Lexicon = {
  language: 'zh',
  tocHeading: /^目\s*录$/,
  pageHeader: /^页次$/,
  chapterHeading: /^(?<label>[一二三四五六七八九十]+)\s*[.．、]\s*(?<title>\S.*)$/,
  chapterNumber: parseChineseNumeral,
  sectionHeading: /^(?<letter>[A-Z])\s*[.．]\s*(?<title>\S.*[^。；;])$/,
  annexHeading: /^附件[一二三四五六七八九十]*$/,
  documentListHeading: /^(?:会议)?文件一览表$/,
  recommendationsChapter: /建议/,
  attendanceSection: /出席情况/,
  themeSection: /主题[：:]\s*(?<title>.+)$/,
  recommendationsIntro: /(?:提出|提出了|通过了)(?:下列|以下)建议[：:]$/,
  agendaIntro: /议程.*[：:]$/,
  speakerCues: [
    { pattern: /下列(?:国家|会员国|成员国)(?:的)?代表(?:也)?作了发言[：:](?<list>[^。]*)(?<end>。)?/dg, role: 'representative', kind: 'state' },
    { pattern: /下列(?:观察员国|国家)的观察员(?:也)?作了发言[：:](?<list>[^。]*)(?<end>。)?/dg, role: 'observer', kind: 'state' },
    { pattern: /下列(?:政府间|非政府)?组织的观察员(?:也)?作了发言[：:](?<list>[^。]*)(?<end>。)?/dg, role: 'observer', kind: 'organization' },
    { pattern: /下列(?:政府间|非政府)?组织的代表(?:也)?作了发言[：:](?<list>[^。]*)(?<end>。)?/dg, role: 'representative', kind: 'organization' },
    // Subject first, one clause each: "X的观察员也作了发言。", "中国和日本的观察员也作了发言，Y的观察员也发了言。"
    { pattern: zhSubjectCue('的观察员'), role: 'observer', kind: 'any' },
    { pattern: zhSubjectCue('的代表'), role: 'representative', kind: 'any' },
    { pattern: zhSubjectCue('(?:主席|会长)'), role: 'president', kind: 'organization' },
    { pattern: zhSubjectCue('(?:执行主任|总干事|秘书长|所长|主任|院长|负责人)'), role: 'head', kind: 'organization' },
  ],
  attendanceCues: [
    // Any sentence whose words before the colon say who attended: "下列国家派代表出席了会议：",
    // "非委员会成员的下列联合国会员国派观察员出席了会议：", "派观察员出席会议的政府间组织有：",
    // "出席会议的非政府组织如下：".
    { pattern: /(?:^|(?<=[。；]))(?<intro>[^。：:；]*?出席[^。：:；]*)[：:](?<list>[^。]*)(?<end>。)?/dg, role: 'by-intro' },
    // "巴勒斯坦国作为非会员观察员国也派观察员出席了会议": the appositive (作为…) and 也 are not part of the list.
    { pattern: /(?:^|(?<=。))(?!下列|以下)(?<list>[^。：:\n]+?)(?:作为[^。：:\n]*?)?(?:也)?派观察员出席了会议(?<end>。)/dg, role: 'observer' },
    { pattern: /(?:^|(?<=。))(?!下列|以下)(?<list>[^。：:\n]+?)(?:作为[^。：:\n]*?)?(?:也)?派代表出席了会议(?<end>。)/dg, role: 'member' },
  ],
  attendanceRoleWords: [
    [/非政府组织/, 'ngo'],
    [/政府间组织/, 'igo'],
    [/专门机构/, 'specialized-agency'],
    [/研究所|方案网/, 'institute'],
    [/实体|联合国系统/, 'un-entity'],
    // "派观察员", "作为观察员", "非委员会成员的…会员国", "不是…成员": observers, not members (非洲 is Africa).
    [/观察员|非(?!洲)[^。：:]{0,12}成员|不是[^。：:]{0,12}成员/, 'observer'],
    [/成员国|会员国|国家/, 'member'],
  ],
  bureauLine: /^(?<role>副主席|主席|报告员)\s*[：:]\s*(?<rest>.+)$/,
  bureauRoles: [
    [/^副主席$/, 'vice-chair'],
    [/^主席$/, 'chair'],
    [/^报告员$/, 'rapporteur'],
  ],
  personWithAffiliation: new RegExp(String.raw`(?<name>${NAME})\s*[（(](?<aff>[^）)]+)[）)]`, 'dgu'),
  presiding: new RegExp(
    String.raw`由\s*(?<name>${NAME})\s*[（(](?<aff>[^）)]+)[）)](?:\s*代表\s*(?:(?<bname>${NAME})\s*[（(](?<baff>[^）)]+)[）)]|(?:会议)?主席))?\s*(?<act>主持|宣布开幕|宣布闭幕)`,
    'dgu',
  ),
  presidingAct: (word) => (word === '宣布开幕' ? 'opened' : word === '宣布闭幕' ? 'closed' : 'presided'),
  isTitleEnd: (line) => /的报告$/.test(line),
  titleJoiner: '',
  parseTitle(title) {
    const m =
      /^(?<dates>.+?日)\s*在\s*(?<venue>.+?)\s*举行的(?<meeting>(?<congress>第.+?届联合国预防犯罪和刑事司法大会)(?<region>.+?)区域筹备会议)的报告$/.exec(title);
    if (!m?.groups) return null;
    const g = m.groups;
    return { meetingName: g.meeting!, congressName: g.congress!, region: g.region!, venue: g.venue!, dates: g.dates! };
  },
  congressName: /^第.+?届联合国预防犯罪和刑事司法大会$/,
  congressNumber: (name) => {
    const m = /^第(.+?)届/.exec(name);
    return m ? parseChineseNumeral(m[1]!) : null;
  },
  congressVenueLine: /^(?<dates>\d{4}\s*年.+?日)\s*[，,]\s*(?<venue>\S.*)$/,
  findDateRange: findChineseDateRange,
  sentenceEnd: /[。；;：:）)”"]$/,
  maxSubheadingLength: 30,
};

export const ENGLISH: Lexicon = {
  language: 'en',
  tocHeading: /^Contents$/i,
  pageHeader: /^Page$/i,
  chapterHeading: /^(?<label>(?:X{0,3})(?:IX|IV|V?I{0,3}))\.\s+(?<title>\S.*)$/,
  chapterNumber: parseRoman,
  sectionHeading: /^(?<letter>[A-Z])\.\s+(?<title>\S.*[^.;])$/,
  annexHeading: /^Annex(?:\s+[IVX]+)?$/i,
  documentListHeading: /^List of documents(?: before the meeting)?$/i,
  recommendationsChapter: /recommendations/i,
  attendanceSection: /attendance/i,
  themeSection: /theme[^:]*:\s*(?<title>.+)$/i,
  recommendationsIntro: /following recommendations[^:]*:$/i,
  agendaIntro: /agenda[^:]*:$/i,
  speakerCues: [
    {
      pattern:
        /Statements were (?:also )?made by the representatives of the following (?:States|countries|Member States)[^:.]*:\s*(?<list>[^.]*)(?<end>\.)?/dgi,
      role: 'representative',
      kind: 'state',
    },
    {
      pattern: /Statements were (?:also )?made by the observers for the following (?:States|countries)[^:.]*:\s*(?<list>[^.]*)(?<end>\.)?/dgi,
      role: 'observer',
      kind: 'state',
    },
    {
      pattern: /Statements were (?:also )?made by the observers for the following (?:[\w-]+ )?organizations[^:.]*:\s*(?<list>[^.]*)(?<end>\.)?/dgi,
      role: 'observer',
      kind: 'organization',
    },
    {
      pattern: /Statements were (?:also )?made by the representatives of the following (?:[\w-]+ )?organizations[^:.]*:\s*(?<list>[^.]*)(?<end>\.)?/dgi,
      role: 'representative',
      kind: 'organization',
    },
    {
      pattern: /(?:Statements were|A statement was) (?:also )?made by the observers? for (?!the following)(?<list>[^.:]+?)(?<end>\.)/dgi,
      role: 'observer',
      kind: 'any',
    },
    { pattern: enSubjectCue('The observers? for'), role: 'observer', kind: 'any' },
    {
      pattern: /(?:Statements were|A statement was) (?:also )?made by the representatives? of (?!the following)(?<list>[^.:]+?)(?<end>\.)/dgi,
      role: 'representative',
      kind: 'any',
    },
    { pattern: enSubjectCue('The representatives? of'), role: 'representative', kind: 'any' },
    // "…, as did the observers for X, Y and Z."
    { pattern: /,? as did the observers? for (?<list>[^.:]+?)(?<end>\.)/dgi, role: 'observer', kind: 'any' },
    { pattern: /,? as did the representatives? of (?<list>[^.:]+?)(?<end>\.)/dgi, role: 'representative', kind: 'any' },
    {
      pattern: /A statement was (?:also )?made by the (?:President|Chair|Chairperson) of (?:the )?(?<list>[^.:]+?)(?<end>\.)/dgi,
      role: 'president',
      kind: 'organization',
    },
    { pattern: enSubjectCue('The (?:President|Chair|Chairperson) of(?: the)?'), role: 'president', kind: 'organization' },
    {
      pattern:
        /A statement was (?:also )?made by the (?:Executive Director|Director-General|Director|Secretary-General|Head) of (?:the )?(?<list>[^.:]+?)(?<end>\.)/dgi,
      role: 'head',
      kind: 'organization',
    },
    { pattern: enSubjectCue('The (?:Executive Director|Director-General|Director|Secretary-General|Head) of(?: the)?'), role: 'head', kind: 'organization' },
  ],
  attendanceCues: [
    // Any sentence whose words before the colon say who attended or was represented:
    // "The following States were represented by observers:", "Representatives of the following
    // States members of … attended the meeting:", "The meeting was attended by representatives
    // of the following …:", "Intergovernmental organizations represented by observers were:",
    // "Non-governmental organizations were represented by observers as follows:".
    { pattern: /(?:^|(?<=[.;]\s))(?<intro>[^.:;]*?\b(?:represented|attended|attending)\b[^.:;]*):\s*(?<list>[^.]*)(?<end>\.)?/dgi, role: 'by-intro' },
    // "The Holy See, a non-member observer State, was also represented by an observer.": the appositive is not part of the list.
    {
      pattern:
        /(?:^|(?<=\.\s))(?!The following)(?<list>[^.:]+?)(?:, (?:an?|the) [^,.:]+,)? (?:was|were) (?:also )?represented by (?:an )?observers?(?<end>\.)/dgi,
      role: 'observer',
    },
  ],
  attendanceRoleWords: [
    [/non-governmental/i, 'ngo'],
    [/intergovernmental/i, 'igo'],
    [/specialized agencies/i, 'specialized-agency'],
    [/institutes|programme network/i, 'institute'],
    [/United Nations (?:entities|system|bodies)/i, 'un-entity'],
    // "by observers", "Observers for the following States", "States … that are not members of the Commission", "as observers".
    [/\bobservers?\b|\bnot (?:a )?members?\b|\bnon-members?\b/i, 'observer'],
    [/States|countries/i, 'member'],
  ],
  bureauLine: /^(?<role>Vice-Chairs?|Vice-Chairpersons?|Chair|Chairperson|Rapporteur)\s*:\s*(?<rest>.+)$/i,
  bureauRoles: [
    [/^vice-chair/i, 'vice-chair'],
    [/^chair/i, 'chair'],
    [/^rapporteur$/i, 'rapporteur'],
  ],
  personWithAffiliation: new RegExp(String.raw`(?<name>${NAME})\s*\((?<aff>[^)]+)\)`, 'dgu'),
  presiding: new RegExp(
    String.raw`(?<act>presided over|chaired|opened|closed|(?<=\band the \w+ )meetings?) by (?<name>${NAME})\s*\((?<aff>[^)]+)\)(?:,?\s*on behalf of (?:(?<bname>${NAME})\s*\((?<baff>[^)]+)\)|the (?:Chair|Chairperson|President)\b))?`,
    'dgu',
  ),
  presidingAct: (word) => (word === 'opened' ? 'opened' : word === 'closed' ? 'closed' : 'presided'),
  isTitleEnd: (line) => /^Report of the\b/i.test(line) || /\bheld in\b.*\d{4}$/.test(line),
  titleJoiner: ' ',
  parseTitle(title) {
    const m =
      /^Report of the (?<meeting>(?<region>.+?) Regional Preparatory Meeting for the (?<congress>.+?Congress on Crime Prevention and Criminal Justice)),?\s+held in (?<venue>.+?) (?:from|on) (?<dates>.+\d{4})$/i.exec(
        title,
      );
    if (!m?.groups) return null;
    const g = m.groups;
    return { meetingName: g.meeting!, congressName: g.congress!, region: g.region!, venue: g.venue!, dates: g.dates! };
  },
  congressName: /^(?:\w+ )?United Nations Congress on Crime Prevention and Criminal Justice$/i,
  congressNumber: (name) => {
    const m = /^(\w+) United Nations Congress/i.exec(name);
    return m ? parseEnglishOrdinal(m[1]!) : null;
  },
  congressVenueLine: /^(?<venue>[^,\d]+),\s*(?<dates>.*\d{4})$/,
  findDateRange: findEnglishDateRange,
  sentenceEnd: /[.;:)”"]$/,
  maxSubheadingLength: 60,
};

export function lexiconFor(language: Language): Lexicon {
  return language === 'zh' ? CHINESE : ENGLISH;
}
