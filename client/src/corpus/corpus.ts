import type { CorpusReportJson, CorpusResponse } from '../../../server/contract/api.ts';
import type { Lang } from '../i18n/i18n.ts';

/**
 * The colours that tell meetings apart, beside their tags: Okabe and Ito's palette for
 * colour-blind readers ("Color Universal Design", 2008; 8 colours), black left out (it is the
 * text's colour) and two of Paul Tol's "muted" colours added. Colours are handed out in the
 * corpus panel's order (Congress, region), one per meeting: the Chinese and English reports of
 * a meeting share tag and colour. Past ten meetings they repeat; the tag still tells them apart.
 */
export const MEETING_PALETTE = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#882255', '#44AA99', '#999933'] as const;

/** The corpus filter as the viewer holds it (and the URL keeps): reports, region codes, Congress numbers. */
export interface CorpusFilterState {
  reports: string[];
  regions: string[];
  congresses: number[];
}

export const NO_FILTER: CorpusFilterState = { reports: [], regions: [], congresses: [] };

export function isFiltered(f: CorpusFilterState): boolean {
  return f.reports.length > 0 || f.regions.length > 0 || f.congresses.length > 0;
}

/** The filter as API query parameters (`report`, `region`, `congress`, comma-separated; none when empty). */
export function filterParams(f: CorpusFilterState): [string, string][] {
  const out: [string, string][] = [];
  if (f.reports.length > 0) out.push(['report', [...f.reports].sort().join(',')]);
  if (f.regions.length > 0) out.push(['region', [...f.regions].sort().join(',')]);
  if (f.congresses.length > 0) out.push(['congress', [...f.congresses].sort((a, b) => a - b).join(',')]);
  return out;
}

/** Whether a report is in the filter's scope (the server's rule: each dimension given must match). */
export function inFilter(report: Pick<CorpusReportJson, 'id' | 'region_code' | 'congress'>, f: CorpusFilterState): boolean {
  return (
    (f.reports.length === 0 || f.reports.includes(report.id)) &&
    (f.regions.length === 0 || (report.region_code !== null && f.regions.includes(report.region_code))) &&
    (f.congresses.length === 0 || (report.congress !== null && f.congresses.includes(report.congress)))
  );
}

/** The report id a paragraph or recommendation id belongs to (`para:lac-rpm-2025:24` → `report:lac-rpm-2025`), or null. */
export function reportOfUnit(id: string): string | null {
  const m = /^(?:para|rec):([^:]+):/.exec(id);
  return m ? `report:${m[1]}` : null;
}

/**
 * The loaded corpus as the viewer reads it: each report's tag, meeting, language and colour.
 * Built from GET /api/reports; empty until then (tags fall back to the report id).
 */
export class Corpus {
  private byId = new Map<string, CorpusReportJson>();
  private colours = new Map<string, string>();
  private meetingReports = new Map<string, CorpusReportJson[]>();

  constructor(readonly data: CorpusResponse = { reports: [], regions: [], congresses: [] }) {
    for (const r of data.reports) {
      this.byId.set(r.id, r);
      const meeting = r.meeting.id ?? r.id;
      if (!this.colours.has(meeting)) this.colours.set(meeting, MEETING_PALETTE[this.colours.size % MEETING_PALETTE.length]!);
      this.meetingReports.set(meeting, [...(this.meetingReports.get(meeting) ?? []), r]);
    }
  }

  get reports(): readonly CorpusReportJson[] {
    return this.data.reports;
  }

  report(id: string | null | undefined): CorpusReportJson | undefined {
    return id ? this.byId.get(id) : undefined;
  }

  /** The meeting's tag (LAC-15); the report's key when the corpus does not know it. */
  tag(report: string | null | undefined): string {
    const r = this.report(report);
    return r?.tag ?? (report ? report.replace(/^report:/, '') : '?');
  }

  /** The meeting's colour; grey for an unknown report. */
  colour(report: string | null | undefined): string {
    const r = this.report(report);
    return (r && this.colours.get(r.meeting.id ?? r.id)) ?? '#8d99a6';
  }

  meetingOf(report: string | null | undefined): string | null {
    const r = this.report(report);
    return r ? (r.meeting.id ?? r.id) : null;
  }

  language(report: string | null | undefined): string | null {
    return this.report(report)?.language ?? null;
  }

  /** The reports of a meeting (its language versions). */
  reportsOfMeeting(meeting: string): readonly CorpusReportJson[] {
    return this.meetingReports.get(meeting) ?? [];
  }

  /** True when the meeting of `report` has reports in more than one language: the language is then worth showing. */
  multilingual(report: string | null | undefined): boolean {
    const meeting = this.meetingOf(report);
    return meeting !== null && new Set(this.reportsOfMeeting(meeting).map((r) => r.language)).size > 1;
  }

  /** The meetings, one entry each (tag, colour, name in `lang`, its reports), in the corpus panel's order. */
  meetings(lang: Lang): { id: string; tag: string; colour: string; name: string; reports: readonly CorpusReportJson[] }[] {
    return [...this.meetingReports.entries()].map(([id, reports]) => {
      const r = reports[0]!;
      return {
        id,
        tag: r.tag ?? r.id,
        colour: this.colours.get(id)!,
        name: (lang === 'en' ? r.meeting.name_en : r.meeting.name_zh) ?? r.meeting.name_en ?? r.id,
        reports,
      };
    });
  }

  /** A label that tells a unit of one report from the same number in another: `LAC-15 24(c)` (with the language when its meeting has several: `WA-15 en 7(a)`). */
  unitLabel(report: string | null | undefined, label: string, withLanguage = false): string {
    const lang = withLanguage && this.multilingual(report) ? ` ${this.language(report) ?? ''}` : '';
    return `${this.tag(report)}${lang} ${label}`;
  }
}
