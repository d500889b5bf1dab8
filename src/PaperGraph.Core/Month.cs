namespace PaperGraph.Core;

/// <summary>A calendar month, counted from year 0 (<c>2024-03</c> is 2024 × 12 + 2).</summary>
public readonly record struct Month(int Index) : IComparable<Month>
{
    /// <summary>The month of a date written <c>YYYY-MM...</c>, or null for anything else (no year, no date).</summary>
    public static Month? Parse(string? date)
    {
        if (date is null || date.Length < 7 || date[4] != '-' || !int.TryParse(date.AsSpan(0, 4), out var year) || !int.TryParse(date.AsSpan(5, 2), out var month)
            || month is < 1 or > 12)
        {
            return null;
        }

        return new Month(year * 12 + month - 1);
    }

    public int Year => Index / 12;

    public int Number => Index % 12 + 1;

    public int CompareTo(Month other) => Index.CompareTo(other.Index);

    /// <summary>The month as <c>YYYY-MM</c>.</summary>
    public override string ToString() => $"{Year:D4}-{Number:D2}";

    public static Month operator +(Month month, int months) => new(month.Index + months);
}
