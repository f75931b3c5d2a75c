import type { Gazetteer, StateEntry, OrganizationEntry, CrimeTypeEntry, InstrumentEntry } from '../../server/ingest/gazetteer/types.ts';
import { createRandom, type Random } from './random.ts';

/**
 * Synthetic reports of regional preparatory meetings, in the seed's format, for
 * benchmarks at corpus scale. Pure: the same (gazetteer, seed, index, language)
 * gives the same text. Names come from the gazetteer, so the real pipeline finds
 * real entities in them.
 */
export type SynthLanguage = 'zh' | 'en';

export interface SynthReport {
  fileName: string;
  text: string;
}

interface Cast {
  venue: { zh: string; en: string };
  region: { zh: string; en: string; adjective_en: string };
  commission: { zh: string; en: string };
  year: number;
  month: number;
  day: number;
  members: StateEntry[];
  observerStates: StateEntry[];
  unEntities: OrganizationEntry[];
  institutes: OrganizationEntry[];
  ngos: OrganizationEntry[];
  crimes: CrimeTypeEntry[];
  instruments: InstrumentEntry[];
  bureau: { role: 'chair' | 'vice' | 'rapporteur'; name: string; state: StateEntry }[];
  symbol: string;
}

const GIVEN = ['Ana', 'Luis', 'Maria', 'Kenji', 'Amina', 'Olga', 'Pierre', 'Sofia', 'Rahul', 'Fatima', 'Jonas', 'Mei', 'Carlos', 'Leila'];
const FAMILY = ['Campos', 'Okafor', 'Ivanova', 'Tanaka', 'Haddad', 'Moreau', 'Silva', 'Khan', 'Berg', 'Chen', 'Rossi', 'Mensah', 'Duarte', 'Novak'];

export function generateReport(gazetteer: Gazetteer, seed: number, index: number, language: SynthLanguage): SynthReport {
  const random = createRandom(seed * 1_000_003 + index);
  const cast = castReport(gazetteer, random, index);
  const id = String(index + 1).padStart(4, '0');
  const text = language === 'zh' ? writeChinese(gazetteer, cast, random) : writeEnglish(gazetteer, cast, random);
  return { fileName: `synth-${seed}-${id}.${language}.txt`, text };
}

function castReport(g: Gazetteer, random: Random, index: number): Cast {
  const states = g.states.filter((s) => s.unMember);
  const members = random.sample(states, random.int(14, 40));
  const observerStates = random.sample(
    states.filter((s) => !members.includes(s)),
    random.int(1, 5),
  );
  const byKind = (kind: string): OrganizationEntry[] => g.organizations.filter((o) => o.kind === kind);
  const region = g.regions[index % g.regions.length]!;
  const place = random.pick(g.places);
  return {
    venue: { zh: place.name_zh, en: place.name_en },
    region: { zh: region.name_zh, en: region.name_en, adjective_en: region.adjective_en },
    commission: { zh: `${region.name_zh}区域`, en: `${region.adjective_en} region` },
    year: random.int(2024, 2026),
    month: random.int(1, 12),
    day: random.int(1, 25),
    members,
    observerStates,
    unEntities: random.sample(byKind('un-entity'), random.int(1, 3)),
    institutes: random.sample(byKind('institute'), random.int(1, 2)),
    ngos: random.sample(byKind('ngo'), random.int(2, 6)),
    crimes: random.sample(g.crimeTypes, random.int(6, 14)),
    instruments: random.sample(
      g.instruments.filter((i) => i.kind !== 'resolution'),
      random.int(4, 9),
    ),
    bureau: (['chair', 'vice', 'rapporteur'] as const).map((role) => ({
      role,
      name: `${random.pick(GIVEN)} ${random.pick(FAMILY)} ${random.pick(FAMILY)}`,
      state: random.pick(members),
    })),
    // Each synthetic meeting its own symbol series: reports sharing a series are one meeting (two languages of it).
    symbol: `A/CONF.241/RPM.${index + 1}`,
  };
}

// ── Chinese ────────────────────────────────────────────────────────────────

function listZh(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join('、')}和${names.at(-1)}`;
}

function writeChinese(g: Gazetteer, c: Cast, random: Random): string {
  const congress = g.congresses.find((x) => x.number === 15)!;
  const { year, month, day } = c;
  const dates = `${year}年${month}月${day}日至${day + 2}日`;
  const meeting = `${congress.name_zh}${c.region.zh}区域筹备会议`;
  const lines: string[] = [];
  let n = 0;
  const para = (text: string): void => {
    n += 1;
    lines.push(`${n}. ${text}`, '');
  };
  const crime = (): string => random.pick(c.crimes).name_zh;
  const instrument = (): string => {
    const i = random.pick(c.instruments);
    return `《${random.next() < 0.5 || !i.short_zh ? i.name_zh : i.short_zh}》`;
  };
  const speakers = (): string => listZh(random.sample(c.members, random.int(5, Math.min(18, c.members.length))).map((s) => s.name_zh));

  lines.push(congress.name_zh, '2026年4月25日至30日，阿布扎比', '', `${dates}在${c.venue.zh}举行的${meeting}的报告`, '');
  lines.push('目录', '', '\t页次', '一. 导言\t2', '二. 建议\t2', '三. 出席情况和工作安排\t9', '四. 通过报告和会议闭幕\t11', '附件\t', '文件一览表\t12', '', '');
  lines.push('一. 导言', '');
  para('大会在关于联合国预防犯罪和罪犯待遇大会的作用、职能、间隔期和会期的第 56/119 号决议中，决定应在每届预防犯罪大会之前举行区域筹备会议。');
  para(`大会在第 78/223 号决议中请秘书长为${congress.ordinal_zh}预防犯罪大会各区域筹备会议的组织工作提供便利。`);
  para('讨论指南定稿（A/CONF.241/PM.1）已经印发，可在预防犯罪大会网站上查阅。');

  lines.push('二. 建议', '', `A. ${congress.name_zh}的主题：“${congress.theme.title_zh}”`, '');
  const block = (): void => {
    para(`秘书处的代表作了专题介绍。下列国家代表作了发言：${speakers()}。`);
    para(`${listZh(random.sample(c.observerStates, random.int(1, c.observerStates.length)).map((s) => s.name_zh))}的观察员也作了发言。`);
    para(`下列组织的观察员也作了发言：${listZh(random.sample(c.ngos, random.int(1, c.ngos.length)).map((o) => o.name_zh))}。`);
    lines.push('审议情况概要', '');
    const discussion = random.int(4, 10);
    for (let i = 0; i < discussion; i += 1) {
      para(
        random.pick([
          `发言者提及影响本区域的各种犯罪，包括${listZh([crime(), crime(), crime()])}。`,
          `发言者强调需要通过${instrument()}等现行国际法律文书处理${crime()}问题。`,
          `一些发言者强调了${crime()}与${crime()}之间的联系，并呼吁加强国际合作。`,
          `许多发言者提到应当执行${instrument()}，并开展能力建设。`,
          `有几位发言者指出，${crime()}对处于脆弱境况的群体造成严重影响。`,
        ]),
      );
    }
    lines.push('审议成果', '');
    para('与会者未经谈判提出了下列建议：');
    const count = random.int(4, 19);
    for (let i = 0; i < count; i += 1) {
      const letter = String.fromCharCode(97 + i);
      const end = i === count - 1 ? '。' : '；';
      lines.push(
        `(${letter}) ${random.pick([
          `加强打击${crime()}的国际合作，包括执行${instrument()}${end}`,
          `加强国内法律框架，以履行${instrument()}规定的义务${end}`,
          `促进交流预防${crime()}的经验和最佳做法，并保护受害人${end}`,
          `加强执法机构调查和起诉${crime()}的能力${end}`,
        ])}`,
        '',
      );
    }
  };
  block();
  lines.push('B. 实质性项目和讲习班', '');
  congress.agendaItems.forEach((item, i) => {
    const workshop = congress.workshops[i]!;
    lines.push(`${i + 1}. ${item.title_zh}（议程项目 ${item.number}）；${workshop.title_zh}（讲习班 ${workshop.number}）`, '');
    block();
  });

  lines.push('三. 出席情况和工作安排', '', 'A. 会期和地点', '');
  para(`${meeting}于${dates}在${c.venue.zh}举行。`);
  lines.push('B. 出席情况', '');
  para(`${c.commission.zh}下列成员国派代表出席了会议：${listZh(c.members.map((s) => s.name_zh))}。`);
  para(`${listZh(c.observerStates.map((s) => s.name_zh))}派观察员出席了会议。`);
  para(`联合国系统的下列实体派观察员出席了会议：${listZh(c.unEntities.map((o) => o.name_zh))}。`);
  para(`联合国预防犯罪和刑事司法方案网的以下研究所派观察员出席了会议：${listZh(c.institutes.map((o) => o.name_zh))}。`);
  para(`下列在经济及社会理事会具有咨商地位的非政府组织派观察员出席了会议：${listZh(c.ngos.map((o) => o.name_zh))}。`);
  lines.push('C. 会议开幕', '');
  para(`${year}年${month}月${day}日，${meeting}由秘书宣布开幕。`);
  lines.push('D. 选举主席团成员', '');
  para(`在 ${year} 年 ${month} 月 ${day} 日第 1 场会议上，以鼓掌方式选出下列主席团成员：`);
  const roleZh = { chair: '主席', vice: '副主席', rapporteur: '报告员' };
  for (const member of c.bureau) lines.push(`${roleZh[member.role]}： ${member.name}（${member.state.name_zh}）`, '');
  lines.push('E. 通过议程和工作安排', '');
  para(`在第 1 场会议上，还通过了临时议程（[${c.symbol}/1](#)），其内容如下：`);
  lines.push(
    '1. 会议开幕。',
    '2. 选举主席团成员。',
    '3. 通过议程和其他组织事项。',
    `4. ${congress.ordinal_zh}预防犯罪大会的主题。`,
    `5. ${congress.ordinal_zh}预防犯罪大会实质性议程项目和讲习班议题。`,
    `6. 对${congress.ordinal_zh}预防犯罪大会的建议。`,
    '7. 通过会议报告。',
    '',
  );
  para('在这场会议上核可了工作安排。会议收到的文件一览表载于本报告附件。');
  lines.push('四. 通过报告和会议闭幕', '');
  para(`在${year}年${month}月${day + 2}日第5场会议上，审议并通过了本次会议的报告（[${c.symbol}/L.1](#)）。`);
  lines.push('附件', '', '文件一览表', '', 'A/CONF.241/PM.1\t讨论指南', `${c.symbol}/1\t临时议程说明`, `${c.symbol}/L.1\t报告草稿`, '');
  return lines.join('\n');
}

// ── English ────────────────────────────────────────────────────────────────

function listEn(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function writeEnglish(g: Gazetteer, c: Cast, random: Random): string {
  const congress = g.congresses.find((x) => x.number === 15)!;
  const monthName = MONTHS[c.month - 1]!;
  const dates = `${c.day} to ${c.day + 2} ${monthName} ${c.year}`;
  const meeting = `${c.region.adjective_en} Regional Preparatory Meeting for the ${congress.name_en}`;
  const lines: string[] = [];
  let n = 0;
  const para = (text: string): void => {
    n += 1;
    lines.push(`${n}. ${text}`, '');
  };
  const crime = (): string => random.pick(c.crimes).name_en;
  const instrument = (): string => {
    const i = random.pick(c.instruments);
    return random.next() < 0.5 || !i.short_en ? i.name_en : i.short_en;
  };
  const speakers = (): string => listEn(random.sample(c.members, random.int(5, Math.min(18, c.members.length))).map((s) => s.name_en));

  lines.push(congress.name_en, 'Abu Dhabi, 25–30 April 2026', '', `Report of the ${meeting}, held in ${c.venue.en} from ${dates}`, '');
  lines.push(
    'Contents',
    '',
    '\tPage',
    'I. Introduction\t2',
    'II. Recommendations\t2',
    'III. Attendance and organization of work\t9',
    'IV. Adoption of the report and closure of the meeting\t11',
    'Annex\t',
    'List of documents\t12',
    '',
    '',
  );
  lines.push('I. Introduction', '');
  para(
    'In its resolution 56/119 on the role, function, periodicity and duration of the United Nations congresses on crime prevention and the treatment of offenders, the General Assembly decided that regional preparatory meetings should be held before each congress.',
  );
  para('The final discussion guide (A/CONF.241/PM.1) has been issued and is available on the website of the Congress.');

  lines.push('II. Recommendations', '', `A. Theme of the ${congress.name_en}: "${congress.theme.title_en}"`, '');
  const block = (): void => {
    para(
      `A representative of the Secretariat made an introductory statement. Statements were made by the representatives of the following States: ${speakers()}.`,
    );
    para(
      `Statements were also made by the observers for ${listEn(random.sample(c.observerStates, random.int(1, c.observerStates.length)).map((s) => s.name_en))}.`,
    );
    para(
      `Statements were also made by the observers for the following organizations: ${listEn(random.sample(c.ngos, random.int(1, c.ngos.length)).map((o) => o.name_en))}.`,
    );
    lines.push('Summary of deliberations', '');
    const discussion = random.int(4, 10);
    for (let i = 0; i < discussion; i += 1) {
      para(
        random.pick([
          `Speakers referred to the various crimes affecting the region, including ${listEn([crime(), crime(), crime()])}.`,
          `Speakers stressed the need to address ${crime()} through existing international legal instruments such as the ${instrument()}.`,
          `Several speakers highlighted the links between ${crime()} and ${crime()} and called for stronger international cooperation.`,
          `Many speakers called for the implementation of the ${instrument()} and for capacity-building.`,
        ]),
      );
    }
    lines.push('Outcome of deliberations', '');
    para('The following recommendations were made, without negotiation, by the participants:');
    const count = random.int(4, 19);
    for (let i = 0; i < count; i += 1) {
      const letter = String.fromCharCode(97 + i);
      const end = i === count - 1 ? '.' : ';';
      lines.push(
        `(${letter}) ${random.pick([
          `Strengthen international cooperation against ${crime()}, including by implementing the ${instrument()}${end}`,
          `Strengthen domestic legal frameworks to fulfil the obligations under the ${instrument()}${end}`,
          `Promote the exchange of experience and best practices in preventing ${crime()} and protect victims${end}`,
          `Strengthen the capacity of law enforcement agencies to investigate and prosecute ${crime()}${end}`,
        ])}`,
        '',
      );
    }
  };
  block();
  lines.push('B. Substantive items and workshops', '');
  congress.agendaItems.forEach((item, i) => {
    const workshop = congress.workshops[i]!;
    lines.push(`${i + 1}. ${item.title_en} (agenda item ${item.number}); ${workshop.title_en} (workshop ${workshop.number})`, '');
    block();
  });

  lines.push('III. Attendance and organization of work', '', 'A. Date and venue', '');
  para(`The ${meeting} was held in ${c.venue.en} from ${dates}.`);
  lines.push('B. Attendance', '');
  para(`The following member States of the ${c.commission.en} were represented at the meeting: ${listEn(c.members.map((s) => s.name_en))}.`);
  para(`${listEn(c.observerStates.map((s) => s.name_en))} were represented by observers.`);
  para(`The following United Nations entities were represented by observers: ${listEn(c.unEntities.map((o) => o.name_en))}.`);
  para(
    `The following institutes of the United Nations crime prevention and criminal justice programme network were represented by observers: ${listEn(c.institutes.map((o) => o.name_en))}.`,
  );
  para(
    `The following non-governmental organizations in consultative status with the Economic and Social Council were represented by observers: ${listEn(c.ngos.map((o) => o.name_en))}.`,
  );
  lines.push('C. Opening of the meeting', '');
  para(`The ${meeting} was opened by the Secretary on ${c.day} ${monthName} ${c.year}.`);
  lines.push('D. Election of officers', '');
  para(`At its 1st meeting, on ${c.day} ${monthName} ${c.year}, the Meeting elected the following officers by acclamation:`);
  const roleEn = { chair: 'Chair', vice: 'Vice-Chair', rapporteur: 'Rapporteur' };
  for (const member of c.bureau) lines.push(`${roleEn[member.role]}: ${member.name} (${member.state.name_en})`, '');
  lines.push('E. Adoption of the agenda and other organizational matters', '');
  para(`At its 1st meeting, the Meeting adopted its provisional agenda ([${c.symbol}/1](#)), which read as follows:`);
  lines.push(
    '1. Opening of the meeting.',
    '2. Election of officers.',
    '3. Adoption of the agenda and other organizational matters.',
    `4. Theme of the ${congress.ordinal_en} Congress.`,
    `5. Substantive agenda items and workshop topics of the ${congress.ordinal_en} Congress.`,
    `6. Recommendations to the ${congress.ordinal_en} Congress.`,
    '7. Adoption of the report of the meeting.',
    '',
  );
  para('At the same meeting, the Meeting approved its organization of work. The documents before the Meeting are listed in the annex to the present report.');
  lines.push('IV. Adoption of the report and closure of the meeting', '');
  para(`At its 5th meeting, on ${c.day + 2} ${monthName} ${c.year}, the Meeting adopted its report ([${c.symbol}/L.1](#)), as orally amended.`);
  lines.push(
    'Annex',
    '',
    'List of documents',
    '',
    'A/CONF.241/PM.1\tDiscussion guide',
    `${c.symbol}/1\tAnnotated provisional agenda`,
    `${c.symbol}/L.1\tDraft report`,
    '',
  );
  return lines.join('\n');
}
