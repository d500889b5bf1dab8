using System.CommandLine;
using System.Globalization;
using PaperGraph.Core;
using PaperGraph.Nlp.Sentences;
using PaperGraph.Nlp.Tagging;
using PaperGraph.Nlp.Tagging.Training;
using PaperGraph.Nlp.Tokenization;

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
        var twoPass = new Option<bool>("--two-pass") { Description = "Add a second pass that sees the first pass's tags to the right (+0.1 points on EWT dev, less than half the tagging speed)." };
        iterations.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) { r.AddError("--iterations must be at least 1."); } });
        bits.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 10 or > 26) { r.AddError("--hash-bits must be between 10 and 26."); } });

        var command = new Command("train", """
            Train the averaged-perceptron tagger on CoNLL-U sentences and write the model. Deterministic: the same
            files and settings give the same model file. Prints each pass's accuracy, then the accuracy of the
            saved file on --dev.
            """)
        {
            train, dev, output, iterations, bits, seed, twoPass, dictionaryMin, lexiconMin, models,
        };
        command.SetAction((parse, cancellationToken) => runner.RunAsync(parse, new Dictionary<string, string?>(), _ => { }, (context, token) => Task.Run(() =>
        {
            var inv = CultureInfo.InvariantCulture;
            var settings = new TaggerTrainingSettings(parse.GetValue(iterations), parse.GetValue(bits), parse.GetValue(seed), parse.GetValue(dictionaryMin), LexiconMinCount: parse.GetValue(lexiconMin), TwoPass: parse.GetValue(twoPass), Models: Math.Max(1, parse.GetValue(models)));
            var trainSentences = ConlluReader.Read(parse.GetValue(train)!.FullName).ToList();
            var devFile = parse.GetValue(dev);
            var devSentences = devFile is null ? null : ConlluReader.Read(devFile.FullName).ToList();
            context.Out.WriteLine(string.Create(inv, $"Training on {trainSentences.Count:N0} sentences ({trainSentences.Sum(s => s.Words.Count):N0} words), {settings.Iterations} passes, 2^{settings.HashBits} weight rows, seed {settings.Seed}"));

            var model = new TaggerTrainer(settings).Train(trainSentences, devSentences, pass =>
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
                var saved = TaggerEvaluator.Evaluate(new PosTagger(TaggerModel.Load(path)), devSentences);
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
            conllu, model, documents,
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
            var tagger = modelFile is null ? PosTagger.Default : new PosTagger(TaggerModel.Load(modelFile.FullName));

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
}
