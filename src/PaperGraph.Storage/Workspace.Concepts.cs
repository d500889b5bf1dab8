using System.Text.Json;
using Microsoft.Data.Sqlite;
using PaperGraph.Core;

namespace PaperGraph.Storage;

/// <summary>A paper's text to extract concepts from, with the revision it has.</summary>
public sealed record PaperText(string Id, string? Title, string Abstract, int Revision);

public sealed partial class Workspace
{
    /// <summary>Papers whose terms were never extracted or were extracted from an older revision (all papers with <paramref name="all"/>).</summary>
    public List<PaperText> PapersToExtract(bool all)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = all
            ? "SELECT id, title, abstract, revision FROM papers ORDER BY id"
            : """
              SELECT p.id, p.title, p.abstract, p.revision FROM papers p LEFT JOIN paper_terms t ON t.paper_id = p.id
              WHERE t.paper_id IS NULL OR t.revision <> p.revision ORDER BY p.id
              """;
        using var reader = command.ExecuteReader();
        var papers = new List<PaperText>();
        while (reader.Read())
        {
            papers.Add(new PaperText(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2), reader.GetInt32(3)));
        }

        return papers;
    }

    /// <summary>Stores the extracted terms of papers (replacing older ones), in one transaction.</summary>
    public void SavePaperTerms(IEnumerable<(string PaperId, int Revision, string Terms)> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        using var transaction = _connection.BeginTransaction();
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT OR REPLACE INTO paper_terms (paper_id, revision, terms) VALUES ($id, $revision, $terms)";
        var id = command.Parameters.Add("$id", SqliteType.Text);
        var revision = command.Parameters.Add("$revision", SqliteType.Integer);
        var text = command.Parameters.Add("$terms", SqliteType.Text);
        foreach (var (paperId, paperRevision, paperTerms) in terms)
        {
            (id.Value, revision.Value, text.Value) = (paperId, paperRevision, paperTerms);
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>The stored terms of every paper still in the workspace, in paper id order.</summary>
    public IEnumerable<(string PaperId, string Terms)> ReadPaperTerms()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT t.paper_id, t.terms FROM paper_terms t JOIN papers p ON p.id = t.paper_id ORDER BY t.paper_id";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return (reader.GetString(0), reader.GetString(1));
        }
    }

    /// <summary>Replaces every concept and mention, in one transaction.</summary>
    public void ReplaceConcepts(IEnumerable<ConceptSummary> concepts, IEnumerable<PaperConcept> mentions)
    {
        ArgumentNullException.ThrowIfNull(concepts);
        ArgumentNullException.ThrowIfNull(mentions);
        using var transaction = _connection.BeginTransaction();
        Execute("DELETE FROM mentions; DELETE FROM concepts;", transaction);
        using (var command = _connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO concepts (key, name, aliases, papers, occurrences, long_form, relevance)
                VALUES ($key, $name, $aliases, $papers, $occurrences, $long, $relevance)
                """;
            var key = command.Parameters.Add("$key", SqliteType.Text);
            var name = command.Parameters.Add("$name", SqliteType.Text);
            var aliases = command.Parameters.Add("$aliases", SqliteType.Text);
            var papers = command.Parameters.Add("$papers", SqliteType.Integer);
            var occurrences = command.Parameters.Add("$occurrences", SqliteType.Integer);
            var longForm = command.Parameters.Add("$long", SqliteType.Text);
            var relevance = command.Parameters.Add("$relevance", SqliteType.Real);
            foreach (var concept in concepts)
            {
                key.Value = concept.Key;
                name.Value = concept.Name;
                aliases.Value = JsonSerializer.Serialize(concept.Aliases);
                papers.Value = concept.Papers;
                occurrences.Value = concept.Occurrences;
                longForm.Value = (object?)concept.LongForm ?? DBNull.Value;
                relevance.Value = concept.Relevance;
                command.ExecuteNonQuery();
            }
        }

        using (var command = _connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO mentions (paper_id, concept_key, count, score, in_title) VALUES ($paper, $key, $count, $score, $title)";
            var paper = command.Parameters.Add("$paper", SqliteType.Text);
            var key = command.Parameters.Add("$key", SqliteType.Text);
            var count = command.Parameters.Add("$count", SqliteType.Integer);
            var score = command.Parameters.Add("$score", SqliteType.Real);
            var title = command.Parameters.Add("$title", SqliteType.Integer);
            foreach (var mention in mentions)
            {
                (paper.Value, key.Value, count.Value, score.Value, title.Value) = (mention.PaperId, mention.ConceptKey, mention.Count, mention.Score, mention.InTitle ? 1 : 0);
                command.ExecuteNonQuery();
            }
        }

        transaction.Commit();
    }

    /// <summary>Concepts ordered by relevance, then papers, then key.</summary>
    public List<ConceptSummary> ReadConcepts(int limit = int.MaxValue)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT key, name, aliases, papers, occurrences, long_form, relevance FROM concepts ORDER BY relevance DESC, papers DESC, key LIMIT $limit";
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var concepts = new List<ConceptSummary>();
        while (reader.Read())
        {
            concepts.Add(new ConceptSummary(reader.GetString(0), reader.GetString(1),
                JsonSerializer.Deserialize<Dictionary<string, int>>(reader.GetString(2)) ?? [],
                reader.GetInt32(3), reader.GetInt32(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetDouble(6)));
        }

        return concepts;
    }

    /// <summary>The concepts of one paper, best first.</summary>
    public List<PaperConcept> ReadPaperConcepts(string paperId)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT paper_id, concept_key, count, score, in_title FROM mentions WHERE paper_id = $id ORDER BY score DESC, concept_key";
        command.Parameters.AddWithValue("$id", paperId);
        using var reader = command.ExecuteReader();
        var mentions = new List<PaperConcept>();
        while (reader.Read())
        {
            mentions.Add(new PaperConcept(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetDouble(3), reader.GetInt32(4) == 1));
        }

        return mentions;
    }

    /// <summary>Number of rows in a table of this workspace (for summaries and tests).</summary>
    public long Count(string table)
    {
        if (table is not ("papers" or "paper_terms" or "concepts" or "mentions" or "skipped"))
        {
            throw new ArgumentOutOfRangeException(nameof(table), table, "not a workspace table");
        }

        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }
}
