// Creates or updates the concepts papers mention. $rows: maps {paper, concept, count, score, inTitle}.
UNWIND $rows AS row
MATCH (p:Paper {id: row.paper})
MATCH (c:Concept {key: row.concept})
MERGE (p)-[m:MENTIONS]->(c)
SET m.count = row.count, m.score = row.score, m.inTitle = row.inTitle
