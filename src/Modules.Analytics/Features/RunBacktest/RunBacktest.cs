using Contracts.Analytics;
using Contracts.Upwork;
using FluentValidation;
using Modules.Analytics.Data;

namespace Modules.Analytics.Features.RunBacktest;

/// <summary>
/// Body of <c>POST /api/v1/analytics/backtest</c>: a saved search of the caller's (by id) or filters as the saved-search
/// form holds them, and/or a template; how many days back (default 90).
/// </summary>
internal sealed record BacktestRequest(
    Guid? SavedSearchId = null, int? Days = null, string? Template = null, List<string>? Categories = null, string? JobType = null,
    decimal? BudgetMin = null, decimal? BudgetMax = null, bool? PaymentVerifiedOnly = null, int? ClientMinHires = null, int? MaxProposals = null)
{
    public bool HasFilters => Categories is { Count: > 0 } || JobType is not null || BudgetMin is not null || BudgetMax is not null
        || PaymentVerifiedOnly == true || ClientMinHires is not null || MaxProposals is not null;
}

/// <summary>
/// Backtests on the caller's own proposal facts (the coarse buckets kept after Upwork's retention purge, so no expired
/// Upwork content is read); <see cref="BacktestCalculator"/> does the counting. Also the module's side of
/// <see cref="IProposalBacktests"/>, which the saved-search form calls before a change is saved.
/// </summary>
internal sealed class RunBacktest(IDbContextFactory<AppDbContext> contexts, IUpworkActivity upwork, TimeProvider time) : IProposalBacktests
{
    public const int DefaultDays = 90;
    public const int MaxDays = 365;

    /// <summary>The API's request: null when the saved search is not the caller's to see.</summary>
    public async Task<BacktestResult?> RunAsync(Guid userId, BacktestRequest request, CancellationToken ct)
    {
        var days = request.Days ?? DefaultDays;
        BacktestCriteria criteria;
        if (request.SavedSearchId is { } id)
        {
            if (await upwork.SavedSearchCriteriaAsync(userId, id, days, ct) is not { } saved) return null;
            criteria = saved with { Template = request.Template };
        }
        else
        {
            criteria = new BacktestCriteria(days, request.Template, request.Categories, request.JobType, request.BudgetMin, request.BudgetMax,
                request.PaymentVerifiedOnly ?? false, request.ClientMinHires, request.MaxProposals);
        }
        return await RunAsync(userId, criteria, ct);
    }

    public async Task<BacktestResult> RunAsync(Guid userId, BacktestCriteria criteria, CancellationToken ct)
    {
        var to = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var from = to.AddDays(-(Math.Clamp(criteria.Days, 1, MaxDays) - 1));
        await using var db = await contexts.CreateDbContextAsync(ct);
        var facts = await db.ProposalFacts().AsNoTracking()
            .Where(f => f.UserId == userId && f.SubmittedOn != null && f.SubmittedOn >= from && f.SubmittedOn <= to).ToListAsync(ct);
        var result = BacktestCalculator.Compute(facts, criteria, from, to);
        var notes = new List<string>();
        if (result.SmallSample)
            notes.Add($"Only {result.Matching.Sent} of your proposals in this period match: too few to rely on (fewer than {result.MinProposals}).");
        if (criteria.NotChecked.Count > 0)
            notes.Add($"Not checked: {string.Join(", ", criteria.NotChecked)}. Job text and exact figures are not kept past Upwork's 24-hour limit, so only categories, job type, budget band, payment verification, client hires and competition are.");
        return result with { Notes = notes };
    }
}

internal sealed class BacktestRequestValidator : AbstractValidator<BacktestRequest>
{
    public BacktestRequestValidator()
    {
        RuleFor(r => r.Days).InclusiveBetween(7, RunBacktest.MaxDays).WithMessage($"days must be between 7 and {RunBacktest.MaxDays}");
        RuleFor(r => r.Template).MaximumLength(200).WithMessage("template must be at most 200 characters");
        RuleFor(r => r.Categories).Must(c => c is null || (c.Count <= 50 && c.All(x => !string.IsNullOrWhiteSpace(x) && x.Length <= 200)))
            .WithMessage("categories must be at most 50 non-empty names of up to 200 characters");
        RuleFor(r => r.JobType).Must(t => t is null or "fixed" or "hourly").WithMessage("jobType must be fixed or hourly");
        RuleFor(r => r.BudgetMin).GreaterThanOrEqualTo(0).WithMessage("budgetMin must not be negative");
        RuleFor(r => r.BudgetMax).Must((r, max) => max is null || (max >= 0 && (r.BudgetMin is null || max >= r.BudgetMin)))
            .WithMessage("budgetMax must not be negative or below budgetMin");
        RuleFor(r => r.ClientMinHires).GreaterThanOrEqualTo(0).WithMessage("clientMinHires must not be negative");
        RuleFor(r => r.MaxProposals).GreaterThanOrEqualTo(0).WithMessage("maxProposals must not be negative");
        RuleFor(r => r.SavedSearchId).Must((r, id) => id is null || !r.HasFilters)
            .WithMessage("give either savedSearchId or filters, not both (a template may go with either)");
        RuleFor(r => r.Template).Must((r, t) => r.SavedSearchId is not null || r.HasFilters || !string.IsNullOrWhiteSpace(t))
            .WithMessage("give a savedSearchId, a template or at least one filter");
    }
}

internal static class BacktestEndpoints
{
    public static RouteGroupBuilder MapBacktest(this RouteGroupBuilder api)
    {
        api.MapPost("/backtest", async (BacktestRequest request, HttpContext http, RunBacktest backtest, CancellationToken ct) =>
                await backtest.RunAsync(UserIds.Require(http), request, ct) is { } result
                    ? (IResult)ApiResults.Ok(result)
                    : ApiResults.Error(StatusCodes.Status404NotFound, "Saved search not found", [new ApiFieldError("savedSearchId", "no saved search of yours has this id")]))
           .Validate<BacktestRequest>().ChangesNothing()
           .WithSummary("What your reply and hire rates and Connects would have been had you applied only to jobs matching a saved search or filters, or only with a template");
        return api;
    }
}
