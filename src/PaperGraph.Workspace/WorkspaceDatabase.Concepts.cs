using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using PaperGraph.Core;

namespace PaperGraph.Workspace;

/// <summary>A paper's text to extract concepts from, with the revision it has.</summary>
public sealed record PaperText(string Id, string? Title, string Abstract, int Revision);

public sealed partial class WorkspaceDatabase
{
    /// <summary>Papers whose terms were never extracted, were extracted from an older revision, or are stored in another format than <paramref name="termsFormat"/> (all papers with <paramref name="all"/>).</summary>
    /// <param name="termsFormat">The first byte of every terms record the caller can read: its format version.</param>
    public List<PaperText> PapersToExtract(bool all, byte termsFormat) => PapersToExtract(all, termsFormat, after: null, limit: int.MaxValue);

    /// <summary>
    /// The first <paramref name="limit"/> papers to extract (as <see cref="PapersToExtract(bool, byte)"/>) whose ids
    /// come after <paramref name="after"/>, in id order: a run reads them a batch at a time, never all their texts at once.
    /// </summary>
    public List<PaperText> PapersToExtract(bool all, byte termsFormat, string? after, int limit)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT p.id, p.title, p.abstract, p.revision {PapersToExtractFrom(all)} AND p.id > $after ORDER BY p.id LIMIT $limit";
        command.Parameters.AddWithValue("$format", new[] { termsFormat });
        command.Parameters.AddWithValue("$after", after ?? "");
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var papers = new List<PaperText>();
        while (reader.Read())
        {
            papers.Add(new PaperText(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2), reader.GetInt32(3)));
        }

        return papers;
    }

    /// <summary>How many papers <see cref="PapersToExtract(bool, byte)"/> gives.</summary>
    public int CountPapersToExtract(bool all, byte termsFormat)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT count(*) {PapersToExtractFrom(all)}";
        command.Parameters.AddWithValue("$format", new[] { termsFormat });
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static string PapersToExtractFrom(bool all) => all
        ? "FROM papers p WHERE 1"
        : """
          FROM papers p LEFT JOIN paper_terms t ON t.paper_id = p.id
          WHERE (t.paper_id IS NULL OR t.revision <> p.revision OR typeof(t.terms) <> 'blob' OR substr(t.terms, 1, 1) IS NOT $format)
          """;

    /// <summary>The version of the extractor that made the stored terms: null if none was recorded (terms from before versions were kept, or no terms at all).</summary>
    public int? ExtractorVersion
    {
        get
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT value FROM meta WHERE key = 'extractor_version'";
            return command.ExecuteScalar() is string value && int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var version) ? version : null;
        }

        set
        {
            using var command = _connection.CreateCommand();
            command.CommandText = value is null
                ? "DELETE FROM meta WHERE key = 'extractor_version'"
                : "INSERT OR REPLACE INTO meta (key, value) VALUES ('extractor_version', $value)";
            command.Parameters.AddWithValue("$value", value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "");
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Stores the extracted terms of papers (replacing older ones), in one transaction.</summary>
    public void SavePaperTerms(IEnumerable<(string PaperId, int Revision, byte[] Terms)> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        using var transaction = _connection.BeginTransaction();
        using (var insert = new PreparedStatement(_connection, "INSERT OR REPLACE INTO paper_terms (paper_id, revision, terms) VALUES (?1, ?2, ?3)"))
        {
            foreach (var (paperId, revision, paperTerms) in terms)
            {
                insert.Bind(1, paperId);
                insert.Bind(2, revision);
                insert.BindBlob(3, paperTerms);
                insert.Execute();
            }
        }

        transaction.Commit();
    }

    /// <summary>The stored terms of every paper still in the workspace (of those <paramref name="include"/> accepts), in paper id order.</summary>
    public IEnumerable<(string PaperId, byte[] Terms)> ReadPaperTerms(Func<string, bool>? include = null)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT t.paper_id, t.terms FROM paper_terms t JOIN papers p ON p.id = t.paper_id ORDER BY t.paper_id";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetString(0);
            if (include is null || include(id))
            {
                yield return (id, reader.GetFieldValue<byte[]>(1));
            }
        }
    }

    /// <summary>Replaces every concept and mention, in one transaction.</summary>
    public void ReplaceConcepts(IEnumerable<ConceptSummary> concepts, IEnumerable<PaperConcept> mentions)
    {
        ArgumentNullException.ThrowIfNull(concepts);
        ArgumentNullException.ThrowIfNull(mentions);
        using var transaction = _connection.BeginTransaction();
        // Both indexes are built once after the insert, which is faster than keeping them up to date row by row; the
        // table of concepts is created anew each time (which also moves workspaces from before the key index, whose
        // key was the table's primary key). With the aliases' JSON written directly, the 1.64M concepts of the 200k
        // corpus went from 7.7-8.4 s to 5.1-6.4 s.
        Execute($"DROP INDEX IF EXISTS mentions_paper; DELETE FROM mentions; DROP TABLE IF EXISTS concepts; CREATE TABLE concepts {ConceptsColumns};", transaction);
        using (var insert = new PreparedStatement(_connection,
            "INSERT INTO concepts (key, name, aliases, papers, occurrences, long_form, relevance) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"))
        {
            var json = new ArrayBufferWriter<byte>(256);
            foreach (var concept in concepts)
            {
                json.ResetWrittenCount();
                AliasesJson.Write(concept.Aliases, json);
                insert.Bind(1, concept.Key);
                insert.Bind(2, concept.Name);
                insert.BindUtf8(3, json.WrittenSpan);
                insert.Bind(4, concept.Papers);
                insert.Bind(5, concept.Occurrences);
                insert.Bind(6, concept.LongForm);
                insert.BindReal(7, concept.Relevance);
                insert.Execute();
            }
        }

        using (var insert = new PreparedStatement(_connection, "INSERT INTO mentions (paper_id, concept_key, count, score, in_title) VALUES (?1, ?2, ?3, ?4, ?5)"))
        {
            foreach (var mention in mentions)
            {
                insert.Bind(1, mention.PaperId);
                insert.Bind(2, mention.ConceptKey);
                insert.Bind(3, mention.Count);
                insert.BindReal(4, mention.Score);
                insert.Bind(5, mention.InTitle ? 1 : 0);
                insert.Execute();
            }
        }

        Execute("CREATE UNIQUE INDEX concepts_key ON concepts (key); CREATE INDEX mentions_paper ON mentions (paper_id);", transaction);

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
        if (table is not ("papers" or "paper_terms" or "concepts" or "mentions" or "skipped" or "graph_nodes" or "graph_edges"))
        {
            throw new ArgumentOutOfRangeException(nameof(table), table, "not a workspace table");
        }

        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }
}

/// <summary>Writes a concept's aliases as a JSON object, surface form → count.</summary>
internal static class AliasesJson
{
    private static readonly JsonWriterOptions Options = new() { SkipValidation = true };

    /// <summary>Appends the object to <paramref name="output"/>.</summary>
    /// <remarks>
    /// Aliases without a quote, backslash or control character (all but a handful) are copied as UTF-8 between quotes;
    /// the others go through <see cref="Utf8JsonWriter"/>, which escapes them. Either way the JSON reads back the same.
    /// A writer set up per concept was 2.3 s of the 1.64M concepts' store.
    /// </remarks>
    public static void Write(IReadOnlyDictionary<string, int> aliases, ArrayBufferWriter<byte> output)
    {
        foreach (var alias in aliases.Keys)
        {
            if (NeedsEscaping(alias))
            {
                using var writer = new Utf8JsonWriter(output, Options);
                writer.WriteStartObject();
                foreach (var (name, count) in aliases)
                {
                    writer.WriteNumber(name, count);
                }

                writer.WriteEndObject();
                return;
            }
        }

        Append(output, (byte)'{');
        var first = true;
        foreach (var (alias, count) in aliases)
        {
            if (!first)
            {
                Append(output, (byte)',');
            }

            first = false;
            Append(output, (byte)'"');
            var length = Encoding.UTF8.GetBytes(alias, output.GetSpan(Encoding.UTF8.GetMaxByteCount(alias.Length)));
            output.Advance(length);
            Append(output, (byte)'"');
            Append(output, (byte)':');
            count.TryFormat(output.GetSpan(11), out var digits, provider: CultureInfo.InvariantCulture);
            output.Advance(digits);
        }

        Append(output, (byte)'}');
    }

    private static bool NeedsEscaping(string text)
    {
        foreach (var c in text)
        {
            if (c < 0x20 || c is '"' or '\\' || char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }

    private static void Append(ArrayBufferWriter<byte> output, byte value)
    {
        output.GetSpan(1)[0] = value;
        output.Advance(1);
    }
}
