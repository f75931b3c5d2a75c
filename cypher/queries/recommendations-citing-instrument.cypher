// @title_en Recommendations citing an instrument
// @title_zh 引用某一文书的建议
// @description Every recommendation that cites the instrument, with its text and the words that cite it; with includeSupplements, also those citing an instrument that supplements it (a protocol, a resolution of its Conference of the Parties).
// @param instrument string "instrument:untoc" The instrument's id (the default is the Organized Crime Convention)
// @param includeSupplements boolean true Also count citations of instruments that supplement it
MATCH (target:Instrument {id: $instrument})
MATCH (r:Recommendation)-[c:CITES]->(cited:Instrument)
WHERE (cited = target OR ($includeSupplements AND EXISTS { (cited)-[:SUPPLEMENTS*1..3]->(target) }))
  AND ($reports IS NULL OR r.report IN $reports)
RETURN r.id AS recommendation, r.paragraph AS paragraph, r.letter AS letter, r.text AS text,
       c.evidence AS evidence, cited.id AS cited, cited.name AS citedName,
       CASE WHEN cited = target THEN 'direct' ELSE 'supplement' END AS via, r.report AS report
ORDER BY report, paragraph, letter
