// Papers that mention two concepts, the ones where both matter most first (by the sum of the two mention scores).
// Concepts are matched as in concept-neighbourhood.cypher.
// Parameters: $first and $second, the two concepts; $limit, how many papers.
// In Neo4j Browser: :param first => 'rlhf'  :param second => 'reward model'  :param limit => 20
MATCH (a:Concept)
WHERE toLower(a.key) = toLower($first) OR toLower(a.name) = toLower($first) OR any(spelling IN a.aliases WHERE toLower(spelling) = toLower($first))
MATCH (b:Concept)
WHERE toLower(b.key) = toLower($second) OR toLower(b.name) = toLower($second) OR any(spelling IN b.aliases WHERE toLower(spelling) = toLower($second))
MATCH (a)<-[ma:MENTIONS]-(p:Paper)-[mb:MENTIONS]->(b)
WHERE a <> b
RETURN p.id AS paper, p.title AS title, p.published AS published, round(ma.score + mb.score, 3) AS score
ORDER BY score DESC, paper
LIMIT $limit
