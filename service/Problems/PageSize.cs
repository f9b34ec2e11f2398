namespace OutlookCrm.Service.Problems;

/// <summary>The <c>limit</c> of a paged list: a bigger one than allowed is clamped to the maximum; nonsense is a 400.</summary>
public static class PageSize
{
    public static int Parse(string? limit, int defaultSize, int max)
    {
        if (limit is null) return defaultSize;
        if (!int.TryParse(limit, out var value) || value < 1)
            throw ApiProblem.Validation("limit", $"A whole number from 1 to {max}.");
        return Math.Min(value, max);
    }
}
