namespace PaperGraph.Core;

/// <summary>Strengths of a link between two concepts, from how often they occur alone and together.</summary>
/// <remarks>
/// One definition serves the graph build (edge weights) and the Neo4j sync (link properties), so both agree.
/// Association strength is the observed over the expected co-occurrence, <c>n·c_ab / (s_a·s_b)</c>, as VOSviewer
/// uses it (van Eck and Waltman, 2009). NPMI is Bouma's (2009) normalised pointwise mutual information, in [-1, 1].
/// </remarks>
public static class CooccurrenceMeasures
{
    /// <summary>Association strength of a pair counted <paramref name="count"/> times whose ends have sizes <paramref name="sizeA"/> and <paramref name="sizeB"/>, in a corpus of <paramref name="n"/> papers.</summary>
    public static double AssociationStrength(double count, double sizeA, double sizeB, double n) => n * count / (sizeA * sizeB);

    /// <summary>Normalised PMI of two concepts found together in <paramref name="papers"/> papers, alone in <paramref name="papersA"/> and <paramref name="papersB"/>, out of <paramref name="n"/>.</summary>
    public static double Npmi(int papers, int papersA, int papersB, double n)
    {
        var joint = papers / n;
        if (joint >= 1)
        {
            return 1;
        }

        return Math.Log(joint / (papersA / n * (papersB / n))) / -Math.Log(joint);
    }
}
