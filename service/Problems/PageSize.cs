namespace OutlookCrm.Service.Problems;

/// <summary>
/// The <c>limit</c> of a paged list, one per list: a bigger one than allowed is clamped to the maximum;
/// nonsense (not a whole number, below 1) is a 400.
/// </summary>
public sealed record PageSize(int Default, int Max)
{
    public static readonly PageSize Clients = new(25, 100);
    public static readonly PageSize History = new(25, 100);
    public static readonly PageSize Audit = new(50, 200);

    public int Parse(string? limit)
    {
        if (limit is null) return Default;
        if (!int.TryParse(limit, out var value) || value < 1)
            throw ApiProblem.Validation("limit", $"A whole number from 1 to {Max}.");
        return Math.Min(value, Max);
    }
}
