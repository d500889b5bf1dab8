// Removes mentions that no longer exist. $rows: maps {paper, concept}.
UNWIND $rows AS row
MATCH (:Paper {id: row.paper})-[m:MENTIONS]->(:Concept {key: row.concept})
DELETE m
