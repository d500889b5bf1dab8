using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using PaperGraph.Core;
using PaperGraph.Ingest;
using PaperGraph.Nlp.Sentences;
using PaperGraph.Nlp.Tagging;
using PaperGraph.Nlp.Tagging.Training;
using PaperGraph.Nlp.Tokenization;

using PaperGraph.Pipeline;
using PaperGraph.Pipeline.Tagger;

namespace PaperGraph.Cli.Commands;

/// <summary><c>papergraph tagger train|eval</c>: trains the part-of-speech tagger and measures it on CoNLL-U files.</summary>
internal static class TaggerCommand
{
    public static Command Create(CommandRunner runner) => new("tagger", """
        Train and measure the part-of-speech tagger (Universal Dependencies UPOS tags). PaperGraph ships a model
        trained on UD English EWT; you only need 'train' to rebuild it or try other settings.
        """)
    {
        CreateTrain(runner),
        CreateEval(runner),
        CreateClusters(runner),
    };

    private static Command CreateTrain(CommandRunner runner)
    {
        var train = new Option<FileInfo>("--train") { Description = "Training sentences (CoNLL-U), e.g. en_ewt-ud-train.conllu.", Required = true, HelpName = "conllu" };
        var dev = new Option<FileInfo?>("--dev") { Description = "Development sentences (CoNLL-U): the pass scoring best on them is kept.", HelpName = "conllu" };
        var output = new Option<FileInfo>("--out", "-o") { Description = "Model file to write.", Required = true, HelpName = "model" };
        var defaults = new TaggerTrainingSettings();
        var iterations = new Option<int>("--iterations") { Description = $"Passes over the training data (default {defaults.Iterations}).", DefaultValueFactory = _ => defaults.Iterations };
        var bits = new Option<int>("--hash-bits") { Description = $"log2 of the weight rows (default {defaults.HashBits}).", DefaultValueFactory = _ => defaults.HashBits };
        var seed = new Option<int>("--seed") { Description = $"Shuffle seed; the same data and seed give the same model (default {defaults.Seed}).", DefaultValueFactory = _ => defaults.Seed };
        var dictionaryMin = new Option<int>("--dictionary-min-count") { Description = $"Words seen this often with one tag are tagged from a dictionary (default {defaults.DictionaryMinCount}).", DefaultValueFactory = _ => defaults.DictionaryMinCount };
        var lexiconMin = new Option<int>("--lexicon-min-count") { Description = $"Words seen this often get their set of training tags as a feature (default {defaults.LexiconMinCount}).", DefaultValueFactory = _ => defaults.LexiconMinCount };
        var models = new Option<int>("--models") { Description = $"First-pass models trained on different shuffles and averaged into one (default {defaults.Models}).", DefaultValueFactory = _ => defaults.Models };
        var clustersFile = new Option<FileInfo?>("--clusters") { Description = "Word cluster table (from 'tagger clusters') for the cluster features; the model records it and is only used with it.", HelpName = "table.tsv" };
        var twoPass = new Option<bool>("--two-pass") { Description = "Add a second pass that sees the first pass's tags to the right (+0.1 points on EWT dev, less than half the tagging speed)." };
        iterations.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) { r.AddError("--iterations must be at least 1."); } });
        bits.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 10 or > 26) { r.AddError("--hash-bits must be between 10 and 26."); } });

        var command = new Command("train", """
            Train the averaged-perceptron tagger on CoNLL-U sentences and write the model. Deterministic: the same
            files and settings give the same model file. Prints each pass's accuracy, then the accuracy of the
            saved file on --dev.
            """)
        {
            train, dev, output, iterations, bits, seed, twoPass, dictionaryMin, lexiconMin, models, clustersFile,
        };
        command.SetAction((parse, cancellationToken) => runner.RunAsync(parse, new Dictionary<string, string?>(), _ => { }, (context, token) => Task.Run(() =>
        {
            var inv = CultureInfo.InvariantCulture;
            var settings = new TaggerTrainingSettings(parse.GetValue(iterations), parse.GetValue(bits), parse.GetValue(seed), parse.GetValue(dictionaryMin), LexiconMinCount: parse.GetValue(lexiconMin), TwoPass: parse.GetValue(twoPass), Models: Math.Max(1, parse.GetValue(models)));
            var trainSentences = ConlluReader.Read(parse.GetValue(train)!.FullName).ToList();
            var devFile = parse.GetValue(dev);
            var devSentences = devFile is null ? null : ConlluReader.Read(devFile.FullName).ToList();
            context.Out.WriteLine(string.Create(inv, $"Training on {trainSentences.Count:N0} sentences ({trainSentences.Sum(s => s.Words.Count):N0} words), {settings.Iterations} passes, 2^{settings.HashBits} weight rows, seed {settings.Seed}"));

            var clusters = parse.GetValue(clustersFile) is { } table ? WordClusters.Load(table.FullName) : null;
            if (clusters is not null)
            {
                context.Out.WriteLine(string.Create(inv, $"Word clusters: {clusters.Count:N0} words, levels {string.Join(',', clusters.Levels)}"));
            }

            var model = new TaggerTrainer(settings, clusters).Train(trainSentences, devSentences, pass =>
            {
                var devText = pass.DevAccuracy is { } d ? string.Create(inv, $", dev {100 * d:F2}%") : "";
                context.Out.WriteLine(string.Create(inv, $"  {pass.Stage}, iteration {pass.Iteration,2}/{pass.Iterations}: train {100 * pass.TrainAccuracy:F2}%{devText}{(pass.Best && pass.DevAccuracy is not null ? " (best so far)" : "")}  [{pass.Elapsed.TotalSeconds:F1} s]"));
            }, token);

            var path = parse.GetValue(output)!.FullName;
            EnvironmentErrors.CreateFolder(Path.GetDirectoryName(path)!);
            model.Save(path);
            context.Out.WriteLine(string.Create(inv, $"Saved {path} ({new FileInfo(path).Length / 1e6:F2} MB, {model.DictionarySize:N0} dictionary words)"));
            if (devSentences is not null)
            {
                var saved = TaggerEvaluator.Evaluate(new PosTagger(TaggerModel.Load(path, clusters)), devSentences);
                context.Out.WriteLine(string.Create(inv, $"Saved model on {devFile!.Name}: UPOS accuracy {100 * saved.Accuracy:F2}% ({saved.Correct:N0} / {saved.Tokens:N0} words)"));
            }

            return ExitCodes.Success;
        }, token), cancellationToken));
        return command;
    }

    private static Command CreateEval(CommandRunner runner)
    {
        var conllu = new Option<FileInfo>("--conllu") { Description = "Gold sentences (CoNLL-U).", Required = true, HelpName = "file" };
        var model = new Option<FileInfo?>("--model", "-m") { Description = "Model file (default: the model shipped with PaperGraph).", HelpName = "model" };
        var clustersFile = new Option<FileInfo?>("--clusters") { Description = "The word cluster table the model was trained with (default: the shipped table, if it is that one).", HelpName = "table.tsv" };
        var documents = new Option<string?>("--documents")
        {
            Description = "Only documents whose '# newdoc id' contains this text (e.g. 'academic' for GUM's academic genre).",
            HelpName = "text",
        };

        var command = new Command("eval", """
            Measure the tagger on a CoNLL-U file with its own tokenisation: UPOS accuracy, speed and the most frequent
            confusions. Then rebuild the file's documents as running text and score PaperGraph's tokenizer and sentence
            splitter on the sentence boundaries (precision, recall, F1).
            """)
        {
            conllu, model, documents, clustersFile,
        };
        command.SetAction((parse, cancellationToken) => runner.RunAsync(parse, new Dictionary<string, string?>(), _ => { }, (context, token) => Task.Run(() =>
        {
            var inv = CultureInfo.InvariantCulture;
            var file = parse.GetValue(conllu)!;
            var filter = parse.GetValue(documents);
            var sentences = ConlluReader.Read(file.FullName)
                .Where(s => filter is null || (s.DocumentId?.Contains(filter, StringComparison.OrdinalIgnoreCase) ?? false))
                .ToList();
            if (sentences.Count == 0)
            {
                throw new PaperGraphException(ErrorCodes.InvalidArgument, filter is null
                    ? $"{file.FullName}: no sentences."
                    : $"{file.FullName}: no sentence belongs to a document whose id contains '{filter}'.");
            }

            var modelFile = parse.GetValue(model);
            var clusters = parse.GetValue(clustersFile) is { } table ? WordClusters.Load(table.FullName) : null;
            var tagger = modelFile is null && clusters is null
                ? PosTagger.Default
                : modelFile is null
                    ? throw new PaperGraphException(ErrorCodes.InvalidArgument, "--clusters needs --model: the shipped model comes with its own table.")
                    : new PosTagger(TaggerModel.Load(modelFile.FullName, clusters));

            // The first run warms up the JIT; the second is timed.
            TaggerEvaluator.Evaluate(tagger, sentences);
            var result = TaggerEvaluator.Evaluate(tagger, sentences);
            var scope = filter is null ? file.Name : $"{file.Name} (documents matching '{filter}')";
            context.Out.WriteLine(string.Create(inv, $"{scope}: UPOS accuracy {100 * result.Accuracy:F2}% ({result.Correct:N0} / {result.Tokens:N0} words, {result.Sentences:N0} sentences), {result.TokensPerSecond:N0} words/s"));
            context.Out.WriteLine(string.Create(inv, $"  words not seen in training: {result.UnknownTokens:N0} ({100.0 * result.UnknownTokens / Math.Max(1, result.Tokens):F1}%), accuracy on them {100 * result.UnknownAccuracy:F2}%"));
            context.Out.WriteLine(string.Create(inv, $"  counting NOUN/PROPN and PUNCT/SYM mix-ups as right (concept chunking nearly always treats each pair alike): {100 * result.ChunkingAccuracy:F2}%"));
            context.Out.WriteLine("  most frequent errors (gold -> predicted):");
            foreach (var (gold, predicted, count) in result.Confusions.Take(8))
            {
                context.Out.WriteLine(string.Create(inv, $"    {gold.ToUpos(),-6} -> {predicted.ToUpos(),-6} {count,6:N0}"));
            }

            var boundaries = SentenceBoundaryEvaluator.Evaluate(sentences, Tokenizer.Default, SentenceSplitter.Default);
            context.Out.WriteLine(string.Create(inv,
                $"Sentence boundaries ({boundaries.Documents:N0} documents rebuilt as text): precision {100 * boundaries.Precision:F2}%, recall {100 * boundaries.Recall:F2}%, F1 {100 * boundaries.F1:F2}% ({boundaries.Correct:N0} correct of {boundaries.Predicted:N0} predicted, {boundaries.Gold:N0} gold)"));
            return ExitCodes.Success;
        }, token), cancellationToken));
        return command;
    }

    private static Command CreateClusters(CommandRunner runner)
    {
        var corpus = new Option<FileInfo[]>("--corpus") { Description = "Unlabelled papers (JSON Lines, CSV or text, gzipped or not); titles and abstracts are read. Repeat for several files.", Required = true, HelpName = "file", AllowMultipleArgumentsPerToken = true };
        var conllu = new Option<FileInfo[]>("--conllu") { Description = "Also read the words of these CoNLL-U files (their tags are not used), e.g. the tagger's own training file.", HelpName = "file", AllowMultipleArgumentsPerToken = true };
        var output = new Option<FileInfo>("--out", "-o") { Description = "Table to write.", Required = true, HelpName = "table.tsv" };
        var defaults = new WordClusterSettings(WordClusterSettings.DefaultLevels);
        var levels = new Option<string>("--levels") { Description = $"Classes at each level, coarse to fine (default {string.Join(',', defaults.Levels)}).", DefaultValueFactory = _ => string.Join(',', defaults.Levels), HelpName = "k1,k2,..." };
        var minCount = new Option<int>("--min-count") { Description = $"Words seen fewer times are left out (default {defaults.MinCount}).", DefaultValueFactory = _ => defaults.MinCount };
        var maxWords = new Option<int>("--max-words") { Description = $"Cluster at most this many words, the most frequent (default {defaults.MaxWords:N0}).", DefaultValueFactory = _ => defaults.MaxWords };
        var iterations = new Option<int>("--iterations") { Description = $"At most this many exchange passes over the words (default {defaults.Iterations}).", DefaultValueFactory = _ => defaults.Iterations };
        var limit = new Option<int?>("--limit") { Description = "Read only the first n papers (all by default).", HelpName = "n" };
        var seed = new Option<int>("--seed") { Description = $"Seed of the initial classes; the same input and settings give the same table (default {defaults.Seed}).", DefaultValueFactory = _ => defaults.Seed };

        var command = new Command("clusters", """
            Learn word classes from unlabelled text for the tagger's cluster features (the exchange algorithm with
            Brown et al.'s class bigram objective, at several nested granularities) and write the table: one line per
            word with its class at each level, no text. Deterministic for the same input, settings and seed.
            """)
        {
            corpus, conllu, output, levels, minCount, maxWords, iterations, limit, seed,
        };
        command.SetAction((parse, cancellationToken) => runner.RunAsync(parse, new Dictionary<string, string?>(), _ => { }, (context, token) => Task.Run(() =>
        {
            var inv = CultureInfo.InvariantCulture;
            var levelText = parse.GetValue(levels)!;
            var levelCounts = levelText.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(t => int.TryParse(t, NumberStyles.None, inv, out var k) ? k : -1).ToArray();
            WordClusterSettings settings;
            try
            {
                settings = new WordClusterSettings(levelCounts, parse.GetValue(minCount), parse.GetValue(maxWords), parse.GetValue(iterations), Seed: parse.GetValue(seed)).Validate();
            }
            catch (ArgumentOutOfRangeException e)
            {
                throw new PaperGraphException(ErrorCodes.InvalidArgument, $"invalid clustering settings (--levels {levelText}): {e.Message}");
            }

            var files = parse.GetValue(corpus)!.Select(f => f.FullName).ToList();
            var conlluFiles = (parse.GetValue(conllu) ?? []).Select(f => f.FullName).ToList();
            var result = ClusterRun.Run(new ClusterSettings(files, conlluFiles, parse.GetValue(limit), settings, parse.GetValue(output)!.FullName), context.Progress, token,
                read: (papers, sentences, words, seconds) =>
                {
                    context.Progress.Clear();
                    context.Out.WriteLine(string.Create(inv, $"Read {papers:N0} papers and {sentences:N0} CoNLL-U sentences: {words:N0} words [{seconds:F1} s]"));
                },
                pass: pass => context.Out.WriteLine(string.Create(inv, $"  {pass.Classes,4} classes, pass {pass.Iteration,2}: {pass.Moved,7:N0} moved, objective {pass.Objective:E6}  [{pass.Elapsed.TotalSeconds:F1} s]")));
            context.Out.WriteLine(string.Create(inv, $"Saved {result.Output} ({result.OutputBytes / 1e6:F2} MB): {result.Summary.WordsClustered:N0} of {result.Summary.WordTypes:N0} word types, {result.Summary.DistinctPairs:N0} distinct pairs, {result.Seconds:F1} s in all"));
            return ExitCodes.Success;
        }, token), cancellationToken));
        return command;
    }
}
