using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaperGraph.Cli.Hosting;
using PaperGraph.Core;

namespace PaperGraph.Cli;

/// <summary>The context a command runs in: its services, configuration, and the output writers.</summary>
internal sealed record CommandContext(IServiceProvider Services, IConfiguration Configuration, TextWriter Out, TextWriter Error, ProgressLine Progress, TextReader In)
{
    public ILogger<T> Logger<T>() => Services.GetRequiredService<ILogger<T>>();

    public T Options<T>()
        where T : class => Services.GetRequiredService<IOptions<T>>().Value;
}

/// <summary>Builds the host for a command, runs it, and maps every failure to an exit code and one clear line.</summary>
/// <remarks>
/// Configuration, later sources winning: <c>papergraph.json</c> in the working folder (or <c>--config FILE</c>),
/// environment variables <c>PAPERGRAPH_Section__Key</c>, then the command's flags. Logs go to standard error,
/// results to standard output.
/// </remarks>
internal sealed class CommandRunner(TextWriter output, TextWriter error, TextReader? input = null)
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
        try
        {
            using var host = BuildHost(parse, overrides, configure, verbose);
            var context = new CommandContext(host.Services, host.Services.GetRequiredService<IConfiguration>(), output, error, ProgressLine.ForStandardError(error), input ?? Console.In);
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
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            await error.WriteLineAsync(verbose
                ? $"error: unexpected failure (a bug, please report it): {e}"
                : $"error: unexpected failure (a bug, please report it): {e.GetType().Name}: {e.Message} (run with --verbose for the stack trace)").ConfigureAwait(false);
            return ExitCodes.UnexpectedFailure;
        }
    }

    private async Task<int> ReportAsync(PaperGraphException e, bool verbose)
    {
        await error.WriteLineAsync($"error {e.Code}: {e.Message}").ConfigureAwait(false);
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
        return builder.Build();
    }
}
