namespace Contracts.Identity;

/// <summary>The freelancer profiles the AI writes from.</summary>
public interface IFreelancerProfiles
{
    /// <summary>The user's profiles, default first.</summary>
    Task<IReadOnlyList<FreelancerProfile>> ListAsync(Guid userId, CancellationToken ct);

    /// <summary>One of the user's profiles, or null when it does not exist or is someone else's.</summary>
    Task<FreelancerProfile?> GetAsync(Guid userId, Guid profileId, CancellationToken ct);

    /// <summary>Whether a profile exists at all (any member's): for views of the whole workspace, which only admins see.</summary>
    Task<bool> ExistsAsync(Guid profileId, CancellationToken ct);

    /// <summary>
    /// Creates a profile from an imported one (e.g. the user's Upwork profile), or refreshes the one imported before
    /// with the same title; the user's portfolio and sample letters there are kept.
    /// </summary>
    Task<FreelancerProfile> ImportAsync(Guid userId, ImportedProfile profile, CancellationToken ct);
}

/// <summary>A profile from another system, already trimmed to what a profile holds.</summary>
public sealed record ImportedProfile(string Title, string? Overview, IReadOnlyList<string> Skills, decimal? HourlyRate);

/// <summary>A freelancer profile with its evidence.</summary>
public sealed record FreelancerProfile(
    Guid Id,
    string Title,
    string? Overview,
    IReadOnlyList<string> Skills,
    decimal? HourlyRate,
    int? YearsOfExperience,
    IReadOnlyList<string> Languages,
    bool IsDefault,
    IReadOnlyList<PortfolioItem> Portfolio,
    IReadOnlyList<SampleLetter> SampleLetters);

/// <summary>A portfolio entry.</summary>
public sealed record PortfolioItem(string Title, string? Url, string? Description, IReadOnlyList<string> Skills);

/// <summary>A past cover letter, marked when it won the job.</summary>
public sealed record SampleLetter(string Text, bool Won);
