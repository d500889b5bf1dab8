using PaperGraph.Ingest.Input;

namespace PaperGraph.Ingest.Readers;

/// <summary>Turns the lines of one file into paper records, reporting what it cannot read to the source's diagnostics.</summary>
internal interface IPaperReader
{
    IEnumerable<PaperRecord> Read(LineSource source);
}
