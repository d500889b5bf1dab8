// The authors of a concept: who wrote the papers that mention it, most papers first, then by how much those papers
// are about it (the sum of the mention scores). Authors exist where the papers' source names them (JSON Lines, CSV,
// arXiv listings); Daily Papers pages give only a count. The concept is matched as in concept-neighbourhood.cypher.
// Parameters: $concept, the concept; $limit, how many authors.
// In Neo4j Browser: :param concept => 'rlhf'  and  :param limit => 20
MATCH (c:Concept)
WHERE toLower(c.key) = toLower($concept) OR toLower(c.name) = toLower($concept)
   OR any(spelling IN c.aliases WHERE toLower(spelling) = toLower($concept))
MATCH (a:Author)<-[:WRITTEN_BY]-(p:Paper)-[m:MENTIONS]->(c)
RETURN a.name AS author, count(p) AS papers, round(sum(m.score), 3) AS score, collect(p.id)[..5] AS examples
ORDER BY papers DESC, score DESC, author
LIMIT $limit
