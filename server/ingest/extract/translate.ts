/**
 * The report's own words come in one language; MODEL.md asks for both. The
 * other language comes from reviewed data (regions, places, the Congress's
 * agenda), never from guessing; where the data lacks it, the field stays null
 * and a warning says so.
 */
import type { CongressEntry, Gazetteer, PlaceEntry, RegionEntry } from '../gazetteer/types.ts';
import type { DateRange, Language, ReportStructure } from '../parse/types.ts';

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y!, m!, d!];
}

export function formatDateRange(range: DateRange, lang: Language): string {
  const [y1, m1, d1] = parts(range.startDate);
  const [y2, m2, d2] = parts(range.endDate);
  if (lang === 'zh') {
    const end = y1 !== y2 ? `${y2}年${m2}月${d2}日` : m1 !== m2 ? `${m2}月${d2}日` : `${d2}日`;
    return range.startDate === range.endDate ? `${y1}年${m1}月${d1}日` : `${y1}年${m1}月${d1}日至${end}`;
  }
  const endText = `${d2} ${MONTHS_EN[m2 - 1]} ${y2}`;
  if (range.startDate === range.endDate) return endText;
  const startText = y1 !== y2 ? `${d1} ${MONTHS_EN[m1 - 1]} ${y1}` : m1 !== m2 ? `${d1} ${MONTHS_EN[m1 - 1]}` : `${d1}`;
  return `${startText} to ${endText}`;
}

export interface ReportNames {
  region: RegionEntry | null;
  venue: PlaceEntry | null;
  congress: CongressEntry | null;
  meetingName: { zh: string | null; en: string | null };
  title: { zh: string | null; en: string | null };
  warnings: string[];
}

const fold = (s: string) => s.toLowerCase().replace(/\s+/g, '');

export function reportNames(s: ReportStructure, g: Gazetteer): ReportNames {
  const warnings: string[] = [];
  const region = g.regions.find((r) => [r.name_zh, r.name_en, r.adjective_en, ...r.aliases].some((n) => fold(n) === fold(s.meeting.region))) ?? null;
  const venue = g.places.find((p) => [p.name_zh, p.name_en, ...p.aliases].some((n) => fold(n) === fold(s.meeting.venue))) ?? null;
  const congress = g.congresses.find((c) => c.number === s.congress.number) ?? null;
  if (!region) warnings.push(`region "${s.meeting.region}" is not in data/gazetteer/regions.json: its name in the other language is left empty`);
  if (!venue) warnings.push(`venue "${s.meeting.venue}" is not in data/gazetteer/places.json: its name in the other language is left empty`);
  if (!congress) warnings.push(`Congress ${s.congress.number} is not in data/gazetteer/congresses.json`);

  const meetingName = { zh: null as string | null, en: null as string | null };
  const title = { zh: null as string | null, en: null as string | null };
  meetingName[s.language] = s.meeting.name;
  title[s.language] = s.title;
  if (s.language === 'zh' && region && congress) meetingName.en = `${region.adjective_en} Regional Preparatory Meeting for the ${congress.name_en}`;
  if (s.language === 'en' && region && congress) meetingName.zh = `${congress.name_zh}${region.name_zh}区域筹备会议`;
  if (s.language === 'zh' && meetingName.en && venue)
    title.en = `Report of the ${meetingName.en}, held in ${venue.name_en} from ${formatDateRange(s.meeting, 'en')}`;
  if (s.language === 'en' && meetingName.zh && venue) title.zh = `${formatDateRange(s.meeting, 'zh')}在${venue.name_zh}举行的${meetingName.zh}的报告`;
  return { region, venue, congress, meetingName, title, warnings };
}
