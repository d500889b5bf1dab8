// Creates or updates papers and their authors. $rows: maps {id, title, published, source, authors, upvotes,
// authorNames}; a null removes the property. authorNames (a list, empty where the source gives only a count) becomes
// (:Paper)-[:WRITTEN_BY]->(:Author {name}) links, not a property; an author no paper links to any more is removed.
UNWIND $rows AS row
MERGE (p:Paper {id: row.id})
SET p += row {.*, authorNames: null}
WITH p, coalesce(row.authorNames, []) AS names
CALL {
  WITH p, names
  OPTIONAL MATCH (p)-[old:WRITTEN_BY]->(gone:Author)
  WHERE NOT gone.name IN names
  DELETE old
  WITH DISTINCT gone
  WHERE gone IS NOT NULL AND NOT (gone)<-[:WRITTEN_BY]-()
  DELETE gone
}
FOREACH (name IN names | MERGE (a:Author {name: name}) MERGE (p)-[:WRITTEN_BY]->(a))
