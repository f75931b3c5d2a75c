// The graph's schema (MODEL.md). Applied by the loader before every load
// (server/db/schema.ts): every statement is idempotent (IF NOT EXISTS), and each
// one ends with a semicolon at the end of a line.
//
// Beware: IF NOT EXISTS also skips a statement when an index of the same shape
// exists under another name; schema.ts checks afterwards that every name below
// exists, so two look-alike indexes cannot silently collapse into one.

// ── One node per id, per label (each constraint also backs the MERGE look-ups) ──
CREATE CONSTRAINT report_id IF NOT EXISTS FOR (n:Report) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT meeting_id IF NOT EXISTS FOR (n:Meeting) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT paragraph_id IF NOT EXISTS FOR (n:Paragraph) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT recommendation_id IF NOT EXISTS FOR (n:Recommendation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT theme_id IF NOT EXISTS FOR (n:Theme) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT agendaitem_id IF NOT EXISTS FOR (n:AgendaItem) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT workshop_id IF NOT EXISTS FOR (n:Workshop) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT state_id IF NOT EXISTS FOR (n:State) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT crimetype_id IF NOT EXISTS FOR (n:CrimeType) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT instrument_id IF NOT EXISTS FOR (n:Instrument) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;

// ── Look-ups the API makes ──
CREATE INDEX state_iso3 IF NOT EXISTS FOR (n:State) ON (n.iso3);
CREATE INDEX paragraph_report_number IF NOT EXISTS FOR (n:Paragraph) ON (n.report, n.number);
CREATE INDEX recommendation_report_paragraph_letter IF NOT EXISTS FOR (n:Recommendation) ON (n.report, n.paragraph, n.letter);
// One meeting, several languages: the versions of a paragraph or recommendation share `ref`.
CREATE INDEX paragraph_ref IF NOT EXISTS FOR (n:Paragraph) ON (n.ref);
CREATE INDEX recommendation_ref IF NOT EXISTS FOR (n:Recommendation) ON (n.ref);
CREATE INDEX report_region_code IF NOT EXISTS FOR (n:Report) ON (n.region_code);
CREATE INDEX agendaitem_number IF NOT EXISTS FOR (n:AgendaItem) ON (n.number);
CREATE INDEX workshop_number IF NOT EXISTS FOR (n:Workshop) ON (n.number);
CREATE INDEX document_symbol IF NOT EXISTS FOR (n:Document) ON (n.symbol);
CREATE INDEX instrument_kind IF NOT EXISTS FOR (n:Instrument) ON (n.kind);
CREATE INDEX organization_kind IF NOT EXISTS FOR (n:Organization) ON (n.kind);
CREATE INDEX crimetype_parent IF NOT EXISTS FOR (n:CrimeType) ON (n.parent);
CREATE INDEX state_name IF NOT EXISTS FOR (n:State) ON (n.name);
CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name);
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE INDEX crimetype_name IF NOT EXISTS FOR (n:CrimeType) ON (n.name);
CREATE INDEX instrument_name IF NOT EXISTS FOR (n:Instrument) ON (n.name);
// Provenance: which relationships a report's paragraph gave.
CREATE INDEX mentions_report_paragraph IF NOT EXISTS FOR ()-[r:MENTIONS]-() ON (r.report, r.paragraph);
CREATE INDEX cites_report_paragraph IF NOT EXISTS FOR ()-[r:CITES]-() ON (r.report, r.paragraph);
CREATE INDEX addresses_report_paragraph IF NOT EXISTS FOR ()-[r:ADDRESSES]-() ON (r.report, r.paragraph);
CREATE INDEX spoke_on_report_paragraph IF NOT EXISTS FOR ()-[r:SPOKE_ON]-() ON (r.report, r.paragraph);
CREATE INDEX attended_role IF NOT EXISTS FOR ()-[r:ATTENDED]-() ON (r.role);

// ── Full-text search over names, aliases, titles and text ──
// Chinese: the cjk analyzer indexes overlapping character bigrams, so a
// two-character query (贩运) finds 贩运人口 and 人口贩运 alike.
CREATE FULLTEXT INDEX entity_text_cjk IF NOT EXISTS
FOR (n:State|Organization|Person|CrimeType|Instrument|Document|Paragraph|Recommendation|AgendaItem|Theme|Workshop|Meeting|Report)
ON EACH [n.name, n.name_zh, n.short_zh, n.aliases, n.title_zh, n.text]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
// English (and the other alphabetic languages): the standard analyzer (words, lower-cased, stop words out).
CREATE FULLTEXT INDEX entity_text_en IF NOT EXISTS
FOR (n:State|Organization|Person|CrimeType|Instrument|Document|Paragraph|Recommendation|AgendaItem|Theme|Workshop|Meeting|Report)
ON EACH [n.name, n.name_en, n.short_en, n.aliases, n.title_en, n.text, n.symbol, n.iso3]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard'}};
