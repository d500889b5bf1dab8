using System.Text.Json;

namespace PaperGraph.Nlp.Concepts;

/// <summary>Writes and reads <see cref="DocumentTerms"/> as compact JSON, the form the workspace stores them in.</summary>
/// <remarks>
/// Format version 1: <c>{"v":1,"id":..,"t":tokens,"s":sentences,"m":[[key,surface,kind,token,sentence,inTitle(0/1),partA,partB],..],"d":[[shortForm,longKey,longSurface],..]}</c>.
/// <c>kind</c> is the number of <see cref="MentionKind"/>.
/// </remarks>
public static class DocumentTermsJson
{
    /// <summary>Version of the format written.</summary>
    public const int Version = 1;

    /// <summary>The JSON of <paramref name="terms"/>.</summary>
    public static string Write(DocumentTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("v", Version);
            writer.WriteString("id", terms.Id);
            writer.WriteNumber("t", terms.Tokens);
            writer.WriteNumber("s", terms.Sentences);
            writer.WriteStartArray("m");
            foreach (var m in terms.Mentions)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(m.Key);
                writer.WriteStringValue(m.Surface);
                writer.WriteNumberValue((int)m.Kind);
                writer.WriteNumberValue(m.Token);
                writer.WriteNumberValue(m.Sentence);
                writer.WriteNumberValue(m.InTitle ? 1 : 0);
                writer.WriteNumberValue(m.PartA);
                writer.WriteNumberValue(m.PartB);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("d");
            foreach (var d in terms.Definitions)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(d.ShortForm);
                writer.WriteStringValue(d.LongKey);
                writer.WriteStringValue(d.LongSurface);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Reads JSON written by <see cref="Write"/>; null when it is of another version (extract the paper again).</summary>
    public static DocumentTerms? Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (!root.TryGetProperty("v", out var version) || version.GetInt32() != Version)
        {
            return null;
        }

        var terms = new DocumentTerms(root.GetProperty("id").GetString()!, root.GetProperty("t").GetInt32(), root.GetProperty("s").GetInt32());
        foreach (var m in root.GetProperty("m").EnumerateArray())
        {
            terms.Mentions.Add(new TermMention(m[0].GetString()!, m[1].GetString()!, (MentionKind)m[2].GetInt32(), m[3].GetInt32(), m[4].GetInt32(),
                m[5].GetInt32() == 1, m[6].GetInt32(), m[7].GetInt32()));
        }

        foreach (var d in root.GetProperty("d").EnumerateArray())
        {
            terms.Definitions.Add(new AcronymDefinition(d[0].GetString()!, d[1].GetString()!, d[2].GetString()!));
        }

        return terms;
    }
}
