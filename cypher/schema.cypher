// PaperGraph schema for Neo4j 5: uniqueness constraints on the keys the sync merges on, and indexes for what the
// queries in queries/ filter and sort on. Every statement is idempotent (IF NOT EXISTS): `papergraph sync` runs this
// file before every sync, and you can paste it into Neo4j Browser or run `cypher-shell -f cypher/schema.cypher`.

CREATE CONSTRAINT paper_id IF NOT EXISTS FOR (p:Paper) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT concept_key IF NOT EXISTS FOR (c:Concept) REQUIRE c.key IS UNIQUE;
CREATE CONSTRAINT community_id IF NOT EXISTS FOR (m:Community) REQUIRE m.id IS UNIQUE;
CREATE CONSTRAINT author_name IF NOT EXISTS FOR (a:Author) REQUIRE a.name IS UNIQUE;
CREATE CONSTRAINT papergraph_sync_workspace IF NOT EXISTS FOR (s:PaperGraphSync) REQUIRE s.workspace IS UNIQUE;

CREATE INDEX concept_name IF NOT EXISTS FOR (c:Concept) ON (c.name);
CREATE INDEX concept_pagerank IF NOT EXISTS FOR (c:Concept) ON (c.pagerank);
CREATE INDEX concept_community IF NOT EXISTS FOR (c:Concept) ON (c.community);
CREATE INDEX paper_published IF NOT EXISTS FOR (p:Paper) ON (p.published);
CREATE INDEX co_occurs_papers IF NOT EXISTS FOR ()-[l:CO_OCCURS]-() ON (l.papers);
