using FluentValidation;
using Modules.Analytics.Data;

namespace Modules.Analytics.Features.ShowWhatWins;

/// <summary>Query of <c>GET /api/v1/analytics/what-wins</c>: how many days back to look (default a year).</summary>
internal sealed record WhatWinsQuery(int? Days = null);

/// <summary>
/// The user's "What wins for you" numbers from this module's proposal facts (the coarse buckets kept after Upwork's
/// retention purge), computed by <see cref="WhatWinsCalculator"/>. Only the caller's own proposals, ever.
/// </summary>
internal sealed class ShowWhatWins(IDbContextFactory<AppDbContext> contexts, TimeProvider time)
{
    public const int DefaultDays = 365;
    public const int MinDays = 30;
    public const int MaxDays = 730;

    public async Task<WhatWinsData> RunAsync(Guid userId, WhatWinsQuery query, CancellationToken ct)
    {
        var to = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var from = to.AddDays(-((query.Days ?? DefaultDays) - 1));
        await using var db = await contexts.CreateDbContextAsync(ct);
        var facts = await db.ProposalFacts().AsNoTracking()
            .Where(f => f.UserId == userId && f.SubmittedOn != null && f.SubmittedOn >= from && f.SubmittedOn <= to).ToListAsync(ct);
        return WhatWinsCalculator.Compute(facts, from, to);
    }
}

internal sealed class WhatWinsQueryValidator : AbstractValidator<WhatWinsQuery>
{
    public WhatWinsQueryValidator() =>
        RuleFor(q => q.Days).InclusiveBetween(ShowWhatWins.MinDays, ShowWhatWins.MaxDays)
            .WithMessage($"days must be between {ShowWhatWins.MinDays} and {ShowWhatWins.MaxDays}");
}

internal static class WhatWinsEndpoints
{
    public static RouteGroupBuilder MapWhatWins(this RouteGroupBuilder api)
    {
        api.MapGet("/what-wins", async ([AsParameters] WhatWinsQuery q, HttpContext http, ShowWhatWins wins, CancellationToken ct) =>
                ApiResults.Ok(await wins.RunAsync(UserIds.Require(http), q, ct)))
           .Validate<WhatWinsQuery>()
           .WithSummary("Which job and letter attributes raise or lower your reply and hire rates, with sample sizes and 95% intervals");
        return api;
    }
}
