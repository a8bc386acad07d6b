namespace Contracts.Identity;

/// <summary>The freelancer profiles the AI writes from.</summary>
public interface IFreelancerProfiles
{
    /// <summary>The user's profiles, default first, then the ones an admin shared with the team (read-only for the user).</summary>
    Task<IReadOnlyList<FreelancerProfile>> ListAsync(Guid userId, CancellationToken ct);

    /// <summary>One of the user's profiles or one shared with the team, or null when it does not exist or is a teammate's unshared one.</summary>
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

/// <summary>
/// A freelancer profile with its evidence. <paramref name="Shared"/>: shared with the team by its owner, an admin;
/// <paramref name="ReadOnly"/>: a teammate's shared profile, which the user may write with and copy but not change;
/// <paramref name="SharedBy"/>: that teammate's name.
/// </summary>
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
    IReadOnlyList<SampleLetter> SampleLetters,
    bool Shared = false,
    bool ReadOnly = false,
    string? SharedBy = null);

/// <summary>A portfolio entry.</summary>
public sealed record PortfolioItem(string Title, string? Url, string? Description, IReadOnlyList<string> Skills);

/// <summary>A past cover letter, marked when it won the job.</summary>
public sealed record SampleLetter(string Text, bool Won);
