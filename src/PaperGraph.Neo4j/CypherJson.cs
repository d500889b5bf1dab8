using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace PaperGraph.Neo4j;

/// <summary>Writes Cypher parameter values as JSON and reads result values back into plain .NET values.</summary>
/// <remarks>
/// Plain JSON (the Query API's default <c>application/json</c>) maps integers to Cypher INTEGER and numbers with a
/// fraction or exponent to FLOAT, so doubles are always written with a fraction or exponent: a PageRank of exactly
/// 0 must arrive as <c>0.0</c>, a float, not as the integer <c>0</c>. Non-finite doubles have no JSON form and are
/// refused.
/// </remarks>
public static class CypherJson
{
    /// <summary>Writes <paramref name="value"/> (see <see cref="IGraphStore"/> for the types allowed).</summary>
    public static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case double d:
                WriteDouble(writer, d);
                break;
            case float f:
                WriteDouble(writer, f);
                break;
            case PropertyRow { Json: { } json }:
                writer.WriteRawValue(json, skipInputValidation: true);
                break;
            case PropertyRow row:
                WriteProperties(writer, row);
                break;
            case IReadOnlyDictionary<string, object?> map:
                writer.WriteStartObject();
                foreach (var (name, item) in map)
                {
                    writer.WritePropertyName(name);
                    WriteValue(writer, item);
                }

                writer.WriteEndObject();
                break;
            case string[] strings:
                writer.WriteStartArray();
                foreach (var item in strings)
                {
                    writer.WriteStringValue(item);
                }

                writer.WriteEndArray();
                break;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"A Cypher parameter cannot be a {value.GetType().Name}.", nameof(value));
        }
    }

    /// <summary>Writes <paramref name="row"/> from its values (never from JSON kept by the hasher).</summary>
    internal static void WriteProperties(Utf8JsonWriter writer, PropertyRow row)
    {
        writer.WriteStartObject();
        for (var i = 0; i < row.Values.Length; i++)
        {
            writer.WritePropertyName(row.Names[i]);
            WriteValue(writer, row.Values[i]);
        }

        writer.WriteEndObject();
    }

    private static void WriteDouble(Utf8JsonWriter writer, double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"A Cypher parameter cannot be {value}: JSON has no form for it.", nameof(value));
        }

        if (value == Math.Floor(value) && Math.Abs(value) < 1e15)
        {
            // Integral: keep a fraction so the server reads a FLOAT.
            Span<byte> buffer = stackalloc byte[24];
            value.TryFormat(buffer, out var written, "F1", CultureInfo.InvariantCulture);
            writer.WriteRawValue(buffer[..written], skipInputValidation: true);
        }
        else
        {
            writer.WriteNumberValue(value);
        }
    }

    /// <summary>A result value as a plain .NET value: integers as long, other numbers as double, nodes and maps as dictionaries.</summary>
    public static object? ReadValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => element.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => element.TryGetInt64(out var l) ? (object)l : element.GetDouble(),
        JsonValueKind.Array => element.EnumerateArray().Select(ReadValue).ToList(),
        JsonValueKind.Object => element.TryGetProperty("elementId", out _) && element.TryGetProperty("properties", out var properties)
            ? ReadMap(properties)
            : ReadMap(element),
        _ => throw new JsonException($"Unexpected JSON value kind {element.ValueKind}."),
    };

    private static Dictionary<string, object?> ReadMap(JsonElement element)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            map[property.Name] = ReadValue(property.Value);
        }

        return map;
    }
}
