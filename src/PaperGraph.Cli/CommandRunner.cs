using System.CommandLine;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaperGraph.Cli.Commands;
using PaperGraph.Cli.Hosting;
using PaperGraph.Core;
using PaperGraph.Workspace;

namespace PaperGraph.Cli;

/// <summary>The context a command runs in: its services, configuration, and the output writers.</summary>
internal sealed record CommandContext(IServiceProvider Services, IConfiguration Configuration, TextWriter Out, TextWriter Error, ProgressLine Progress, TextReader In)
{
    public ILogger<T> Logger<T>() => Services.GetRequiredService<ILogger<T>>();

    /// <summary>The loggers a pipeline run takes.</summary>
    public ILoggerFactory Loggers => Services.GetRequiredService<ILoggerFactory>();

    public T Options<T>()
        where T : class => Services.GetRequiredService<IOptions<T>>().Value;
}

/// <summary>Builds the host for a command, runs it, and maps every failure to an exit code and one clear line.</summary>
/// <remarks>
/// Configuration, later sources winning: <c>papergraph.json</c> in the working folder (or <c>--config FILE</c>),
/// environment variables <c>PAPERGRAPH_Section__Key</c>, then the command's flags. Logs go to standard error,
/// results to standard output.
/// </remarks>
internal sealed partial class CommandRunner(TextWriter output, TextWriter error, TextReader? input = null)
{
    public const string ConfigFileName = "papergraph.json";

    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "Show debug messages, and stack traces of unexpected failures.",
        Recursive = true,
    };

    public static readonly Option<bool> Quiet = new("--quiet", "-q")
    {
        Description = "Show only warnings and errors on standard error.",
        Recursive = true,
    };

    public static readonly Option<FileInfo?> Config = new("--config")
    {
        Description = $"Configuration file (JSON). Default: {ConfigFileName} in the working folder, if present.",
        Recursive = true,
    };

    /// <summary>Runs <paramref name="command"/> with the services <paramref name="configure"/> adds.</summary>
    /// <param name="overrides">Configuration keys set by flags the user gave (they win over files and environment).</param>
    public async Task<int> RunAsync(
        ParseResult parse,
        IReadOnlyDictionary<string, string?> overrides,
        Action<IServiceCollection> configure,
        Func<CommandContext, CancellationToken, Task<int>> command,
        CancellationToken cancellationToken)
    {
        var verbose = parse.GetValue(Verbose);
        string? workspace = null;
        try
        {
            using var host = BuildHost(parse, overrides, configure, verbose);
            workspace = host.Services.GetRequiredService<IConfiguration>()[$"{WorkspaceOptions.SectionName}:{nameof(WorkspaceOptions.Path)}"] ?? new WorkspaceOptions().Path;
            var context = new CommandContext(host.Services, host.Services.GetRequiredService<IConfiguration>(), output, error, ProgressLine.ForStandardError(error, quiet: parse.GetValue(Quiet)), input ?? Console.In);
            try
            {
                return await command(context, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                context.Progress.Clear();
            }
        }
        catch (PaperGraphException e)
        {
            return await ReportAsync(e, verbose).ConfigureAwait(false);
        }
        catch (AggregateException e) when (e.Flatten().InnerExceptions.OfType<PaperGraphException>().FirstOrDefault() is { } first)
        {
            // A user-facing error raised inside a parallel loop comes wrapped; it is still the user's error.
            return await ReportAsync(first, verbose).ConfigureAwait(false);
        }
        catch (OptionsValidationException e)
        {
            foreach (var failure in e.Failures)
            {
                await error.WriteLineAsync($"error {ErrorCodes.InvalidConfiguration}: {failure}").ConfigureAwait(false);
            }

            return ExitCodes.BadUsage;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("cancelled.").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (EnvironmentFailure(e, workspace) is { } failure)
        {
            // A full disk, a folder without write permission, a workspace held by another run: not a bug.
            return await ReportAsync(failure, verbose).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            await error.WriteLineAsync(verbose
                ? $"error: unexpected failure (a bug, please report it): {e}"
                : $"error: unexpected failure (a bug, please report it): {e.GetType().Name}: {e.Message} (run with --verbose for the stack trace)").ConfigureAwait(false);
            return ExitCodes.UnexpectedFailure;
        }
    }

    /// <summary>
    /// The coded error for a failure of the machine or its setup that reached the top without one (the places that
    /// know the path raise their own): a SQLite failure is the workspace's, an I/O failure names the path .NET names.
    /// </summary>
    private static PaperGraphException? EnvironmentFailure(Exception e, string? workspace)
    {
        if (e is AggregateException aggregate)
        {
            e = aggregate.Flatten().InnerExceptions.FirstOrDefault(i => i is SqliteException or IOException or UnauthorizedAccessException) ?? e;
        }

        return e switch
        {
            SqliteException sqlite when workspace is not null => WorkspaceErrors.Classify(sqlite, Path.Combine(workspace, WorkspaceDatabase.DatabaseFileName)),
            IOException or UnauthorizedAccessException => EnvironmentErrors.Classify(e, QuotedPath().Match(e.Message) is { Success: true } m ? m.Groups[1].Value : workspace ?? Environment.CurrentDirectory),
            _ => null,
        };
    }

    /// <summary>The path in a .NET I/O message: <c>Access to the path '/x/y' is denied.</c></summary>
    [GeneratedRegex("'([^']+)'")]
    private static partial Regex QuotedPath();

    private async Task<int> ReportAsync(PaperGraphException e, bool verbose)
    {
        foreach (var line in e is ConfigurationException c ? c.Problems : [e.Message])
        {
            await error.WriteLineAsync($"error {e.Code}: {line}").ConfigureAwait(false);
        }

        if (verbose && e.InnerException is not null)
        {
            await error.WriteLineAsync(e.InnerException.ToString()).ConfigureAwait(false);
        }

        return e.ExitCode;
    }

    private IHost BuildHost(ParseResult parse, IReadOnlyDictionary<string, string?> overrides, Action<IServiceCollection> configure, bool verbose)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Environment.CurrentDirectory });

        var configFile = parse.GetValue(Config);
        if (configFile is not null && !configFile.Exists)
        {
            throw new PaperGraphException(ErrorCodes.PathNotFound, $"configuration file not found: '{configFile.FullName}'.");
        }

        var configPath = configFile?.FullName ?? Path.Combine(Environment.CurrentDirectory, ConfigFileName);
        try
        {
            builder.Configuration
                .AddJsonFile(configPath, optional: configFile is null, reloadOnChange: false)
                .AddEnvironmentVariables("PAPERGRAPH_")
                .AddInMemoryCollection(overrides);
        }
        catch (InvalidDataException e)
        {
            throw new PaperGraphException(ErrorCodes.InvalidConfiguration,
                $"{configPath}: not valid JSON ({e.InnerException?.Message ?? e.Message}); expected an object such as {{\"Ingest\": {{\"MaxLineBytes\": 16777216}}}}.", e);
        }

        var level = verbose ? LogLevel.Debug : parse.GetValue(Quiet) ? LogLevel.Warning : LogLevel.Information;
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(level);
        builder.Logging.AddProvider(new TextWriterLoggerProvider(error, level));
        configure(builder.Services);
        var bound = builder.Services
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IValidateOptions<>))
            .Select(d => d.ServiceType.GetGenericArguments()[0])
            .ToHashSet();
        var host = builder.Build();
        try
        {
            CheckConfiguration(host.Services, (IConfigurationRoot)builder.Configuration, bound, configPath);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reports every configuration problem at once before the command runs: values of the wrong type and values out of
    /// range in the sections the command uses (errors, exit 2), and unknown keys (warnings, so a typo is never silently
    /// ignored).
    /// </summary>
    private static void CheckConfiguration(IServiceProvider services, IConfigurationRoot configuration, IReadOnlySet<Type> bound, string configPath)
    {
        var (errors, warnings, unknown) = ConfigurationCheck.Run(configuration, bound, configPath);
        var logger = services.GetRequiredService<ILogger<CommandRunner>>();
        foreach (var setting in unknown)
        {
            Log.UnknownSetting(logger, setting.Source, setting.Key, setting.Suggestion is { } s ? $"; did you mean {s}?" : ".");
        }

        foreach (var warning in warnings)
        {
            Log.UnusedSettingInvalid(logger, warning);
        }

        if (errors.Count == 0)
        {
            // Values of the right type: now every range and rule of every section the command uses, all at once.
            foreach (var type in bound.OrderBy(t => t.Name, StringComparer.Ordinal))
            {
                var options = services.GetRequiredService(typeof(IOptions<>).MakeGenericType(type));
                try
                {
                    _ = options.GetType().GetProperty(nameof(IOptions<object>.Value))!.GetValue(options);
                }
                catch (System.Reflection.TargetInvocationException e) when (e.InnerException is OptionsValidationException invalid)
                {
                    errors.AddRange(invalid.Failures);
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new ConfigurationException(errors);
        }
    }
}
