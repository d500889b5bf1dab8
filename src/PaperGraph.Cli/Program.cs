using PaperGraph.Cli;

return await PaperGraphApp.RunAsync(args, Console.Out, Console.Error, handleSignals: true);
