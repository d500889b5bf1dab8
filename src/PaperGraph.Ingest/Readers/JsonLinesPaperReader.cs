using System.Text.Json;
using PaperGraph.Core;
using PaperGraph.Ingest.Input;

namespace PaperGraph.Ingest.Readers;

/// <summary>Reads one JSON object per line: PaperGraph's JSONL or the arXiv metadata snapshot.</summary>
/// <remarks>
/// Fields, by name: <c>id</c> (string or number); <c>title</c>; <c>abstract</c> or <c>summary</c>; the date from
/// <c>date</c>, <c>published</c>, the first of <c>versions[].created</c> (the v1 date), else <c>update_date</c>;
/// <c>categories</c> as an array or a space-separated string; the authors' names and count from <c>authors_parsed</c>
/// (arXiv's snapshot), an <c>authors</c> array (of names, or of objects with a <c>name</c>), or an <c>authors</c> string
/// ("A, B and C"), or only a count from a number; <c>upvotes</c>. Other fields are ignored.
/// Parsed straight from the UTF-8 bytes of the line; only the kept strings are allocated.
/// </remarks>
internal sealed class JsonLinesPaperReader : IPaperReader
{
    public IEnumerable<PaperRecord> Read(LineSource source)
    {
        while (source.Next(out var line))
        {
            if (line.Trim(" \t"u8).IsEmpty)
            {
                continue;
            }

            var record = Parse(line, source);
            if (record is not null)
            {
                yield return record;
            }
        }
    }

    private static PaperRecord? Parse(ReadOnlySpan<byte> line, LineSource source)
    {
        string? id = null, title = null, abstractText = null, date = null, firstVersion = null, updateDate = null;
        int? authors = null, upvotes = null;
        List<string>? categories = null, authorNames = null, parsedNames = null;
        try
        {
            var json = new Utf8JsonReader(line, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            if (!json.Read() || json.TokenType != JsonTokenType.StartObject)
            {
                source.Diagnostics.Add(ErrorCodes.MalformedJson, source.Location,
                    $"expected a JSON object per line ({{\"title\": ..., \"abstract\": ...}}), found {Describe(json.TokenType)}.");
                return null;
            }

            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                if (json.ValueTextEquals("id"u8))
                {
                    json.Read();
                    id = json.TokenType switch
                    {
                        JsonTokenType.String => json.GetString(),
                        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(json.ValueSpan),
                        _ => Skip(ref json),
                    };
                }
                else if (json.ValueTextEquals("title"u8))
                {
                    title = ReadString(ref json);
                }
                else if (json.ValueTextEquals("abstract"u8) || json.ValueTextEquals("summary"u8))
                {
                    abstractText = ReadString(ref json);
                }
                else if (json.ValueTextEquals("date"u8) || json.ValueTextEquals("published"u8))
                {
                    date = ReadString(ref json);
                }
                else if (json.ValueTextEquals("update_date"u8))
                {
                    updateDate = ReadString(ref json);
                }
                else if (json.ValueTextEquals("versions"u8))
                {
                    firstVersion = ReadFirstVersionDate(ref json);
                }
                else if (json.ValueTextEquals("categories"u8))
                {
                    categories = ReadCategories(ref json);
                }
                else if (json.ValueTextEquals("authors_parsed"u8))
                {
                    parsedNames = ReadParsedNames(ref json);
                    authors = parsedNames?.Count ?? authors;
                }
                else if (json.ValueTextEquals("authors"u8))
                {
                    json.Read();
                    switch (json.TokenType)
                    {
                        case JsonTokenType.String:
                            var text = json.GetString();
                            authors ??= AuthorList.Count(text);
                            authorNames = AuthorList.Names(text);
                            break;
                        case JsonTokenType.StartArray:
                            authorNames = ReadNames(ref json, out var count);
                            authors ??= count;
                            break;
                        case JsonTokenType.Number:
                            authors ??= json.TryGetInt32(out var number) && number >= 0 ? number : null;
                            break;
                        default:
                            json.Skip();
                            break;
                    }
                }
                else if (json.ValueTextEquals("upvotes"u8))
                {
                    json.Read();
                    upvotes = json.TokenType == JsonTokenType.Number && json.TryGetInt32(out var n) ? n : null;
                    if (json.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject)
                    {
                        json.Skip();
                    }
                }
                else
                {
                    json.Read();
                    json.Skip();
                }
            }
        }
        catch (JsonException e)
        {
            source.Diagnostics.Add(ErrorCodes.MalformedJson, source.Location,
                $"invalid JSON at byte {e.BytePositionInLine}: {FirstSentence(e.Message)} Expected one complete JSON object per line.");
            return null;
        }

        // The arXiv snapshot has both: authors_parsed splits "Surname, Initials" lists that a comma split would break.
        var names = parsedNames is { Count: > 0 } ? parsedNames : authorNames;
        return new PaperRecord(source.DisplayPath, source.LineNumber, id, title, abstractText, authors,
            date ?? firstVersion ?? updateDate, upvotes, Categories: categories, AuthorNames: names is { Count: > 0 } ? names : null);
    }

    private static string? ReadString(ref Utf8JsonReader json)
    {
        json.Read();
        return json.TokenType == JsonTokenType.String ? json.GetString() : Skip(ref json);
    }

    private static string? Skip(ref Utf8JsonReader json)
    {
        json.Skip();
        return null;
    }

    private static string? ReadFirstVersionDate(ref Utf8JsonReader json)
    {
        json.Read();
        if (json.TokenType != JsonTokenType.StartArray)
        {
            json.Skip();
            return null;
        }

        string? first = null;
        while (json.Read() && json.TokenType != JsonTokenType.EndArray)
        {
            if (json.TokenType != JsonTokenType.StartObject)
            {
                json.Skip();
                continue;
            }

            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                if (first is null && json.ValueTextEquals("created"u8))
                {
                    first = ReadString(ref json);
                }
                else
                {
                    json.Read();
                    json.Skip();
                }
            }
        }

        return first;
    }

    private static List<string>? ReadCategories(ref Utf8JsonReader json)
    {
        json.Read();
        if (json.TokenType == JsonTokenType.String)
        {
            return [.. json.GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        }

        if (json.TokenType != JsonTokenType.StartArray)
        {
            json.Skip();
            return null;
        }

        var list = new List<string>(2);
        while (json.Read() && json.TokenType != JsonTokenType.EndArray)
        {
            if (json.TokenType == JsonTokenType.String)
            {
                list.Add(json.GetString()!);
            }
            else
            {
                json.Skip();
            }
        }

        return list;
    }

    /// <summary>The names of an <c>authors</c> array whose start the reader is on: strings, or objects with a <c>name</c>; <paramref name="count"/> counts every item.</summary>
    private static List<string> ReadNames(ref Utf8JsonReader json, out int count)
    {
        var names = new List<string>();
        count = 0;
        while (json.Read() && json.TokenType != JsonTokenType.EndArray)
        {
            count++;
            if (json.TokenType == JsonTokenType.String)
            {
                if (AuthorList.Normalise(json.GetString()!) is { Length: > 0 } name)
                {
                    names.Add(name);
                }
            }
            else if (json.TokenType == JsonTokenType.StartObject)
            {
                while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
                {
                    if (json.ValueTextEquals("name"u8) && ReadString(ref json) is { } text && AuthorList.Normalise(text) is { Length: > 0 } name)
                    {
                        names.Add(name);
                    }
                    else if (!json.ValueTextEquals("name"u8))
                    {
                        json.Read();
                        json.Skip();
                    }
                }
            }
            else
            {
                json.Skip();
            }
        }

        return names;
    }

    /// <summary>arXiv's <c>authors_parsed</c>: <c>[["Surname", "Given names", "Suffix"], ...]</c>, as "Given names Surname Suffix"; null when not such an array.</summary>
    private static List<string>? ReadParsedNames(ref Utf8JsonReader json)
    {
        json.Read();
        if (json.TokenType != JsonTokenType.StartArray)
        {
            json.Skip();
            return null;
        }

        var names = new List<string>();
        while (json.Read() && json.TokenType != JsonTokenType.EndArray)
        {
            if (json.TokenType != JsonTokenType.StartArray)
            {
                json.Skip();
                continue;
            }

            var parts = new List<string>(3);
            while (json.Read() && json.TokenType != JsonTokenType.EndArray)
            {
                if (json.TokenType == JsonTokenType.String)
                {
                    parts.Add(json.GetString()!);
                }
                else
                {
                    json.Skip();
                }
            }

            var ordered = parts.Count == 0 ? "" : string.Join(' ', parts.Skip(1).Take(1).Append(parts[0]).Concat(parts.Skip(2)));
            if (AuthorList.Normalise(ordered) is { Length: > 0 } name)
            {
                names.Add(name);
            }
        }

        return names;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array (a whole JSON document? write one object per line)",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.None => "nothing",
        _ => token.ToString().ToLowerInvariant(),
    };

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }
}
