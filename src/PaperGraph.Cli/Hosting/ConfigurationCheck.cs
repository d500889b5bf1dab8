using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using PaperGraph.Cli.Commands;
using PaperGraph.Core;
using PaperGraph.Pipeline.Explore;

namespace PaperGraph.Cli.Hosting;

/// <summary>A setting PaperGraph does not know (a typo such as <c>Graph:MaxConcept</c>), named with where it was set.</summary>
internal sealed record UnknownSetting(string Source, string Key, string? Suggestion);

/// <summary>
/// Checks every configured setting before a command runs: each value must convert to its setting's type, and each key
/// must name a setting. Every problem is found in one pass, so a user fixes them all at once.
/// </summary>
/// <remarks>
/// The configuration binder would otherwise throw on the first value it cannot convert, with a .NET message and no
/// file name, and ignore a misspelt key without a word. A wrong value in a section the command binds is an error
/// (<see cref="ErrorCodes.InvalidConfiguration"/>, exit 2); in a section it does not use, and an unknown key anywhere,
/// a warning. Top-level environment variables without a section (<c>PAPERGRAPH_NEO4J_PASSWORD</c>) are not settings
/// and are left alone.
/// </remarks>
internal static class ConfigurationCheck
{
    private const string EnvironmentSource = "environment variable PAPERGRAPH_";

    /// <summary>Every configuration section and the options class it binds to.</summary>
    public static readonly IReadOnlyDictionary<string, Type> Sections = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase)
    {
        [WorkspaceOptions.SectionName] = typeof(WorkspaceOptions),
        [IngestOptions.SectionName] = typeof(IngestOptions),
        [ConceptOptions.SectionName] = typeof(ConceptOptions),
        [GraphOptions.SectionName] = typeof(GraphOptions),
        [BuildOptions.SectionName] = typeof(BuildOptions),
        [Neo4jOptions.SectionName] = typeof(Neo4jOptions),
    };

    /// <summary>Checks <paramref name="configuration"/>; returns the errors of the sections in <paramref name="bound"/>, and the warnings.</summary>
    /// <param name="fileName">The configuration file, named in messages about the values it holds.</param>
    public static (List<string> Errors, List<string> Warnings, List<UnknownSetting> Unknown) Run(IConfigurationRoot configuration, IReadOnlySet<Type> bound, string fileName)
    {
        var errors = new List<string>();
        var warnings = new List<string>();
        var unknown = new List<UnknownSetting>();
        foreach (var section in configuration.GetChildren())
        {
            if (!Sections.TryGetValue(section.Key, out var type))
            {
                // A section nobody reads: from the file always a mistake; from the environment only when it has keys
                // (PAPERGRAPH_NEO4J_PASSWORD is not a setting); the host's own keys (contentRoot) are not the user's.
                var from = Source(configuration, section.Path, fileName);
                if (from == fileName || (from is not null && from.StartsWith(EnvironmentSource, StringComparison.Ordinal) && section.GetChildren().Any()))
                {
                    unknown.Add(new UnknownSetting(from, section.Path, Closest(section.Key, Sections.Keys)));
                }

                continue;
            }

            var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite)
                .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
            var defaults = Activator.CreateInstance(type)!;
            foreach (var setting in section.GetChildren())
            {
                var source = Source(configuration, setting.Path, fileName) ?? fileName;
                if (!properties.TryGetValue(setting.Key, out var property))
                {
                    var closest = Closest(setting.Key, properties.Keys);
                    unknown.Add(new UnknownSetting(source, setting.Path, closest is null ? null : $"{section.Key}:{closest}"));
                    continue;
                }

                var problem = Problem(setting, property, defaults);
                if (problem is not null)
                {
                    (bound.Contains(type) ? errors : warnings).Add($"{source}: {section.Key}:{property.Name} {problem}");
                }
            }
        }

        return (errors, warnings, unknown);
    }

    /// <summary>What is wrong with <paramref name="setting"/>'s value for <paramref name="property"/>, or null.</summary>
    private static string? Problem(IConfigurationSection setting, PropertyInfo property, object defaults)
    {
        var expected = Expected(property, defaults);
        if (setting.Value is null)
        {
            return setting.GetChildren().Any() ? $"is an object or a list; expected {expected}." : null;
        }

        object? value;
        try
        {
            // The binder's own conversion, so exactly what it would refuse is refused here.
            value = setting.Get(property.PropertyType);
        }
        catch (InvalidOperationException)
        {
            return $"is \"{setting.Value}\"; expected {expected}.";
        }

        // The options' own ranges, said with the file and the key (the validator would say only the property's name).
        if (property.GetCustomAttribute<System.ComponentModel.DataAnnotations.RangeAttribute>() is { } range && value is IConvertible number
            && !range.IsValid(number))
        {
            var (min, max) = (Convert.ToString(range.Minimum, CultureInfo.InvariantCulture), Convert.ToString(range.Maximum, CultureInfo.InvariantCulture));
            var bounds = max is "2147483647" ? $"at least {min}" : $"from {min} to {max}";
            return $"is {setting.Value}; expected {expected.Replace(" (default", $" {bounds} (default", StringComparison.Ordinal).Replace(" or nothing", $" {bounds}, or nothing", StringComparison.Ordinal)}{(expected.Contains('(', StringComparison.Ordinal) ? "" : " " + bounds)}.";
        }

        return null;
    }

    private static string Expected(PropertyInfo property, object defaults)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var what = type switch
        {
            _ when type == typeof(int) || type == typeof(long) => "a whole number",
            _ when type == typeof(double) => "a number",
            _ when type == typeof(bool) => "true or false",
            _ when type.IsEnum => "one of " + string.Join(", ", Enum.GetNames(type)),
            _ => "a " + type.Name,
        };
        var value = property.GetValue(defaults);
        var example = value switch
        {
            null => "",
            bool b => b ? " (default true)" : " (default false)",
            _ => $" (default {Convert.ToString(value, CultureInfo.InvariantCulture)})",
        };
        if (Nullable.GetUnderlyingType(property.PropertyType) is not null)
        {
            // An unset value adapts: to the corpus, unless the setting says what to.
            var adapts = property.GetCustomAttributes(typeof(System.ComponentModel.DescriptionAttribute), false) is [System.ComponentModel.DescriptionAttribute d, ..] ? d.Description : "adapts to the corpus";
            example = $" or nothing ({adapts})";
        }

        return what + example;
    }

    /// <summary>Where the value of <paramref name="key"/> comes from: the last source that sets it.</summary>
    private static string? Source(IConfigurationRoot configuration, string key, string fileName)
    {
        foreach (var provider in configuration.Providers.Reverse())
        {
            if (provider.TryGet(key, out _) || provider.GetChildKeys([], key).Any())
            {
                return provider switch
                {
                    JsonConfigurationProvider => fileName,
                    EnvironmentVariablesConfigurationProvider => EnvironmentSource + key.Replace(":", "__", StringComparison.Ordinal),
                    _ => "a command-line flag",
                };
            }
        }

        return null;
    }

    /// <summary>The name among <paramref name="candidates"/> nearest to <paramref name="name"/> (at most 2 edits, or a prefix), if any.</summary>
    private static string? Closest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Suggestions.Distance(name.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return bestDistance <= Math.Max(2, name.Length / 4) ? best : null;
    }
}
