/** The reviewed reference data (data/gazetteer/*.json) that names what a report talks about. */

interface Reviewed {
  /** True where a name could not be checked against an official source. */
  unconfirmed?: boolean;
  note?: string;
  /** Where the names were checked: a UN document, UNTERM, the body's own register. */
  source?: string;
}

export interface StateEntry extends Reviewed {
  iso3: string;
  name_zh: string;
  name_en: string;
  aliases: string[];
  unMember: boolean;
}

export interface OrganizationEntry extends Reviewed {
  id: string;
  kind: string;
  name_zh: string;
  name_en: string;
  short_zh?: string | null;
  short_en?: string | null;
  aliases: string[];
}

export interface CrimeTypeEntry extends Reviewed {
  id: string;
  name_zh: string;
  name_en: string;
  aliases: string[];
  /** ICCS code (UNODC, 2015) of the category, or null where the entry is a report form without a code of its own. */
  iccs: string | null;
  parent: string | null;
  /** Objects of trafficking or smuggling that name this crime in "trafficking in X", "贩运X", "X的非法贸易". */
  objects_zh?: string[];
  objects_en?: string[];
}

export interface InstrumentEntry extends Reviewed {
  id: string;
  kind: string;
  year: number | null;
  name_zh: string;
  name_en: string;
  short_zh: string | null;
  short_en: string | null;
  symbol: string | null;
  supplements: string | null;
  aliases: string[];
}

/** Places are not graph nodes: they translate venues and shield names inside them (巴西 in 巴西利亚). */
export interface PlaceEntry extends Reviewed {
  id: string;
  name_zh: string;
  name_en: string;
  aliases: string[];
}

export interface RegionEntry extends Reviewed {
  id: string;
  /** Short code of the region in report tags ("LAC" in "LAC-15"). */
  code: string;
  name_zh: string;
  name_en: string;
  /** "Latin American and Caribbean" as in "… Regional Preparatory Meeting". */
  adjective_en: string;
  aliases: string[];
}

export interface TitledItem {
  number: number;
  title_zh: string;
  title_en: string;
}

export interface CongressEntry extends Reviewed {
  number: number;
  ordinal_zh: string;
  ordinal_en: string;
  name_zh: string;
  name_en: string;
  theme: { title_zh: string; title_en: string };
  agendaItems: TitledItem[];
  workshops: TitledItem[];
}

export interface Gazetteer {
  states: StateEntry[];
  organizations: OrganizationEntry[];
  crimeTypes: CrimeTypeEntry[];
  instruments: InstrumentEntry[];
  places: PlaceEntry[];
  regions: RegionEntry[];
  congresses: CongressEntry[];
}
