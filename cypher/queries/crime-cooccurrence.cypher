// @title_en Crime types named together
// @title_zh 同时提及的犯罪类型
// @description The co-occurrence network of crime types: each pair named in the same paragraph or recommendation, weighted by how many, with those paragraphs.
// @param minCount integer 1 Only pairs named together at least this often
// @param limit integer 200 At most this many pairs, the heaviest first
MATCH (a:CrimeType)-[c:CO_OCCURS]->(b:CrimeType)
// Under the corpus filter, only the paragraphs of the reports in scope count (their ids start with the key of the report).
WITH a, b, [p IN c.paragraphs WHERE $reports IS NULL OR any(r IN $reports WHERE p STARTS WITH 'para:' + substring(r, 7) + ':' OR p STARTS WITH 'rec:' + substring(r, 7) + ':')] AS paragraphs
WHERE size(paragraphs) >= $minCount AND size(paragraphs) > 0
RETURN a.id AS source, a.name AS sourceName, b.id AS target, b.name AS targetName,
       size(paragraphs) AS weight, paragraphs
ORDER BY weight DESC, source, target
LIMIT $limit
