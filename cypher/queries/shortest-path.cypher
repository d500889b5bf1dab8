// The shortest chain of co-occurrence links between two concepts, one row per hop, with the papers behind each hop
// (papers that mention both of its concepts; the highest scored first). Concepts are matched as in
// concept-neighbourhood.cypher.
// Parameters: $from and $to, the two concepts; $papers, how many papers to list per hop.
// In Neo4j Browser: :param from => 'rlhf'  :param to => 'low-rank adaptation'  :param papers => 3
MATCH (a:Concept)
WHERE toLower(a.key) = toLower($from) OR toLower(a.name) = toLower($from) OR any(spelling IN a.aliases WHERE toLower(spelling) = toLower($from))
MATCH (b:Concept)
WHERE toLower(b.key) = toLower($to) OR toLower(b.name) = toLower($to) OR any(spelling IN b.aliases WHERE toLower(spelling) = toLower($to))
WITH a, b WHERE a <> b LIMIT 1
MATCH path = shortestPath((a)-[:CO_OCCURS*..8]-(b))
UNWIND range(0, length(path) - 1) AS hop
WITH hop, nodes(path)[hop] AS x, nodes(path)[hop + 1] AS y, relationships(path)[hop] AS link
RETURN hop + 1 AS hop, x.name AS fromConcept, y.name AS toConcept, link.papers AS papers,
       COLLECT {
         MATCH (p:Paper)-[m:MENTIONS]->(x)
         WHERE (p)-[:MENTIONS]->(y)
         RETURN p.title ORDER BY m.score DESC, p.id LIMIT $papers
       } AS evidence
ORDER BY hop
