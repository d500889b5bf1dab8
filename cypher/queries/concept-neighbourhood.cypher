// The neighbourhood of a concept: the concepts it co-occurs with, strongest links first. The concept is matched by
// key, name or any spelling met in the papers, ignoring case ("rlhf", "RLHF" and "reinforcement learning from human
// feedback" all find the same concept).
// Parameters: $concept, the concept; $limit, how many neighbours.
// In Neo4j Browser: :param concept => 'rlhf'  and  :param limit => 25
// For the graph view, return the links instead: ... RETURN c, l, n
MATCH (c:Concept)
WHERE toLower(c.key) = toLower($concept) OR toLower(c.name) = toLower($concept)
   OR any(spelling IN c.aliases WHERE toLower(spelling) = toLower($concept))
MATCH (c)-[l:CO_OCCURS]-(n:Concept)
RETURN c.name AS concept, n.name AS neighbour, l.papers AS papers, round(l.npmi, 3) AS npmi,
       round(l.associationStrength, 3) AS associationStrength, n.community AS community
ORDER BY l.papers DESC, l.npmi DESC, n.key
LIMIT $limit
