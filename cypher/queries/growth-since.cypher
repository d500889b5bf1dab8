// Concepts growing since a date: the share of papers published on or after $since that mention a concept, against its
// share before (add-one smoothed), highest growth first. rising-concepts.cypher ranks by bursts instead. Papers without a full date (yearless Daily Papers dates)
// are left out.
// Parameters: $since, an ISO date such as '2024-06-01'; $minPapers, fewest recent papers a concept needs; $limit.
// In Neo4j Browser: :param since => '2024-06-01'  :param minPapers => 3  :param limit => 25
MATCH (p:Paper)
WHERE p.published =~ '[0-9]{4}-[0-9]{2}-[0-9]{2}'
WITH sum(CASE WHEN p.published >= $since THEN 1 ELSE 0 END) AS recentTotal,
     sum(CASE WHEN p.published < $since THEN 1 ELSE 0 END) AS earlierTotal
MATCH (p:Paper)-[:MENTIONS]->(c:Concept)
WHERE p.published =~ '[0-9]{4}-[0-9]{2}-[0-9]{2}'
WITH c, recentTotal, earlierTotal,
     sum(CASE WHEN p.published >= $since THEN 1 ELSE 0 END) AS recent,
     sum(CASE WHEN p.published < $since THEN 1 ELSE 0 END) AS earlier
WHERE recent >= $minPapers AND recentTotal > 0
RETURN c.name AS concept, recent, earlier,
       round((toFloat(recent) / recentTotal) / ((earlier + 1.0) / (earlierTotal + 1.0)), 3) AS growth
ORDER BY growth DESC, recent DESC, c.key
LIMIT $limit
