// @title_en Instruments cited by recommendations
// @title_zh 建议引用的文书
// @description The citation matrix: every instrument with the recommendations that cite it, most cited first.
// @param report string "" Only recommendations of this report (its id, e.g. "report:lac-rpm-2025"); empty for all reports
MATCH (r:Recommendation)-[c:CITES]->(i:Instrument)
WHERE ($report = '' OR r.report = $report) AND ($reports IS NULL OR r.report IN $reports)
WITH i, r ORDER BY r.report, r.paragraph, r.letter
WITH i, collect(DISTINCT r.id) AS recommendations
RETURN i.id AS instrument, i.name AS name, i.name_en AS name_en, i.short_en AS short_en,
       size(recommendations) AS citations, recommendations
ORDER BY citations DESC, instrument
