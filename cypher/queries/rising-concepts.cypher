// Concepts rising now: their bursts that last until $since or later, strongest first. A burst is a run of months in
// which a concept's share of the papers is well above its usual share (Kleinberg's two-state model over its papers per
// month against the corpus's, as `papergraph trends` lists them); `papergraph build` computes them and the sync stores
// each concept's firstMonth and its bursts as three lists: burstStarts, burstEnds and burstStrengths (months 'YYYY-MM').
// Parameters: $since, a month such as '2024-06'; $limit, how many bursts.
// In Neo4j Browser: :param since => '2024-06'  :param limit => 25
MATCH (c:Concept)
WHERE c.burstEnds IS NOT NULL
UNWIND range(0, size(c.burstEnds) - 1) AS i
WITH c, c.burstStarts[i] AS burstStart, c.burstEnds[i] AS burstEnd, c.burstStrengths[i] AS strength
WHERE burstEnd >= $since
RETURN c.name AS concept, c.firstMonth AS firstMonth, burstStart, burstEnd, round(strength, 1) AS strength, c.papers AS papers
ORDER BY strength DESC, c.key
LIMIT $limit
