/** Shape checks for the gazetteer files, so a typo in reviewed data fails loudly at load time. */
import { z } from 'zod';

/** `source`: where the names were checked (a UN document, UNTERM, the body's own register); `unconfirmed`: a name that could not be checked. */
const reviewed = { unconfirmed: z.boolean().optional(), note: z.string().optional(), source: z.string().min(1).optional() };
const aliases = z.array(z.string().min(1));

export const stateSchema = z.object({
  iso3: z.string().regex(/^[A-Z]{3}$/),
  name_zh: z.string().min(1),
  name_en: z.string().min(1),
  aliases,
  unMember: z.boolean(),
  ...reviewed,
});

export const organizationSchema = z.object({
  id: z.string().regex(/^org:[a-z0-9-]+$/),
  kind: z.string().min(1),
  name_zh: z.string().min(1),
  name_en: z.string().min(1),
  short_zh: z.string().nullable().optional(),
  short_en: z.string().nullable().optional(),
  aliases,
  ...reviewed,
});

export const crimeTypeSchema = z.object({
  id: z.string().regex(/^crime:[a-z0-9-]+$/),
  name_zh: z.string().min(1),
  name_en: z.string().min(1),
  aliases,
  iccs: z
    .string()
    .regex(/^\d{2,6}$/)
    .nullable(),
  parent: z.string().nullable(),
  /** Objects of trafficking and smuggling ("wildlife", "野生动植物"): "trafficking in X", "贩运X", "X非法贸易"… name this crime type. */
  objects_zh: z.array(z.string().min(1)).optional(),
  objects_en: z.array(z.string().min(1)).optional(),
  ...reviewed,
});

export const instrumentSchema = z.object({
  id: z.string().regex(/^instrument:[a-z0-9-]+$/),
  kind: z.string().min(1),
  year: z.number().int().nullable(),
  name_zh: z.string().min(1),
  name_en: z.string().min(1),
  short_zh: z.string().nullable(),
  short_en: z.string().nullable(),
  symbol: z.string().nullable(),
  supplements: z.string().nullable(),
  aliases,
  ...reviewed,
});

export const placeSchema = z.object({
  id: z.string().regex(/^place:[a-z0-9-]+$/),
  name_zh: z.string().min(1),
  name_en: z.string().min(1),
  aliases,
  ...reviewed,
});

export const regionSchema = z.object({
  id: z.string().min(1),
  code: z.string().regex(/^[A-Z]{2,5}$/),
  name_zh: z.string().min(1),
  name_en: z.string().min(1),
  adjective_en: z.string().min(1),
  aliases,
  ...reviewed,
});

const titledItem = z.object({ number: z.number().int(), title_zh: z.string().min(1), title_en: z.string().min(1) });

export const congressSchema = z.object({
  number: z.number().int(),
  ordinal_zh: z.string().min(1),
  ordinal_en: z.string().min(1),
  name_zh: z.string().min(1),
  name_en: z.string().min(1),
  theme: z.object({ title_zh: z.string().min(1), title_en: z.string().min(1) }),
  agendaItems: z.array(titledItem),
  workshops: z.array(titledItem),
  ...reviewed,
});

/** File name → schema of one entry. */
export const GAZETTEER_FILES = {
  states: ['states.json', stateSchema],
  organizations: ['organizations.json', organizationSchema],
  crimeTypes: ['crime-types.json', crimeTypeSchema],
  instruments: ['instruments.json', instrumentSchema],
  places: ['places.json', placeSchema],
  regions: ['regions.json', regionSchema],
  congresses: ['congresses.json', congressSchema],
} as const;
