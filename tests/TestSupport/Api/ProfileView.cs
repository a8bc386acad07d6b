using Contracts.Identity;

namespace TestSupport.Api;

/// <summary>
/// A freelancer profile as <c>/api/v1/identity/profiles</c> answers it. Not <c>Contracts.Identity.FreelancerProfile</c>
/// itself: its sharing fields have defaults, so a response missing them would read as "not shared" and a test could not tell.
/// </summary>
public sealed record ProfileView(
    Guid Id, string Title, IReadOnlyList<string> Skills, decimal? HourlyRate, bool IsDefault, IReadOnlyList<PortfolioItem> Portfolio, bool Shared, bool ReadOnly, string? SharedBy);
