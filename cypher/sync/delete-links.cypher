// Removes co-occurrence links that no longer exist. $rows: maps {source, target}.
UNWIND $rows AS row
MATCH (:Concept {key: row.source})-[l:CO_OCCURS]->(:Concept {key: row.target})
DELETE l
