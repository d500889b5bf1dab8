// Creates or updates co-occurrence links, stored once per pair from the smaller key to the larger.
// $rows: maps {source, target, papers, count, weight, npmi, associationStrength}.
UNWIND $rows AS row
MATCH (a:Concept {key: row.source})
MATCH (b:Concept {key: row.target})
MERGE (a)-[l:CO_OCCURS]->(b)
SET l.papers = row.papers, l.count = row.count, l.weight = row.weight, l.npmi = row.npmi, l.associationStrength = row.associationStrength
