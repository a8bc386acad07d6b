namespace Modules.Upwork.Data;

/// <summary>
/// A user's saved search (table <c>upwork.saved_searches</c>). Minimal for now: what Upwork's search can filter on
/// server-side. <see cref="FilterKey"/> is the same for identical searches: each connected user's is fetched with their own token, and the jobs land in one shared row each.
/// </summary>
internal sealed class SavedSearch
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public required string Name { get; set; }
    public string? Query { get; set; }
    public List<string> Skills { get; set; } = [];
    public string? JobType { get; set; }
    public string? ExperienceLevel { get; set; }
    public bool PaymentVerifiedOnly { get; set; }

    /// <summary>Leave out jobs with a high-severity red flag the user has not dismissed (docs/red-flags.md).</summary>
    public bool HideRedFlagged { get; set; }

    /// <summary>Every listed skill must be on the job (otherwise any one is enough).</summary>
    public bool RequireAllSkills { get; set; }

    /// <summary>Fixed-price budget range, in dollars.</summary>
    public decimal? BudgetMin { get; set; }
    public decimal? BudgetMax { get; set; }

    /// <summary>Hourly rate range, in dollars per hour.</summary>
    public decimal? HourlyMin { get; set; }
    public decimal? HourlyMax { get; set; }
    public List<string> Categories { get; set; } = [];
    public decimal? ClientMinSpent { get; set; }
    public int? ClientMinHires { get; set; }
    public double? ClientMinRating { get; set; }
    public List<string> CountriesInclude { get; set; } = [];
    public List<string> CountriesExclude { get; set; } = [];

    /// <summary>At most this many proposals already (competition).</summary>
    public int? MaxProposals { get; set; }

    /// <summary>Words that rule a job out (in its title or description).</summary>
    public List<string> ExcludeWords { get; set; } = [];
    public bool AlertsEnabled { get; set; } = true;

    /// <summary>Quiet hours (UTC, whole hours, may wrap midnight): channel deliveries wait until they end; the in-app bell does not.</summary>
    public int? QuietFromHour { get; set; }
    public int? QuietToHour { get; set; }
    public required string FilterKey { get; set; }

    /// <summary>Shared with the team by an admin: members see it read-only and may follow it for its alerts.</summary>
    public bool IsShared { get; set; }

    /// <summary>When the quiet hours around <paramref name="now"/> end, or null when <paramref name="now"/> is not in them.</summary>
    public DateTimeOffset? QuietUntil(DateTimeOffset now)
    {
        if (QuietFromHour is not { } from || QuietToHour is not { } to || from == to) return null;
        var hour = now.UtcDateTime.Hour;
        var inside = from < to ? hour >= from && hour < to : hour >= from || hour < to;
        if (!inside) return null;
        var end = new DateTimeOffset(now.UtcDateTime.Date.AddHours(to), TimeSpan.Zero);
        return end > now ? end : end.AddDays(1);
    }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
