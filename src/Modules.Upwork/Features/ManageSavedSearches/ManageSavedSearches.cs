using FluentValidation;
using Modules.Upwork.Data;
using Modules.Upwork.Searches;

namespace Modules.Upwork.Features.ManageSavedSearches;

/// <summary>
/// A user's saved searches. Every write is scoped to the owner; an admin may share one of theirs with the team, and
/// members then see it read-only in their list and may follow it to get its alerts.
/// </summary>
internal sealed class ManageSavedSearches(IDbContextFactory<AppDbContext> contexts, Shared.Live.LiveUpdates live, TimeProvider time)
{
    public const int MaxPerUser = 50;

    public async Task<SavedSearch?> CreateAsync(Guid userId, SavedSearchInput input, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.SavedSearches().CountAsync(s => s.UserId == userId, ct) >= MaxPerUser) return null;
        var now = time.GetUtcNow();
        var search = new SavedSearch { Id = Guid.CreateVersion7(), UserId = userId, Name = input.Name.Trim(), FilterKey = "", CreatedAt = now };
        Apply(search, input, now);
        db.SavedSearches().Add(search);
        await db.SaveChangesAsync(ct);
        await ChangedAsync(ct);
        return search;
    }

    public async Task<SavedSearch?> UpdateAsync(Guid userId, Guid id, SavedSearchInput input, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var search = await db.SavedSearches().FirstOrDefaultAsync(s => s.Id == id && s.UserId == userId, ct);
        if (search is null) return null;
        Apply(search, input, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await ChangedAsync(ct);
        return search;
    }

    public async Task<bool> DeleteAsync(Guid userId, Guid id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var deleted = await db.SavedSearches().Where(s => s.Id == id && s.UserId == userId).ExecuteDeleteAsync(ct) > 0;
        if (deleted)
        {
            await db.SavedSearchFollows().Where(f => f.SavedSearchId == id).ExecuteDeleteAsync(ct);
            await ChangedAsync(ct);
        }
        return deleted;
    }

    /// <summary>True when <paramref name="userId"/> can see the search (shared with the team) but does not own it: read-only.</summary>
    public async Task<bool> IsReadOnlyForAsync(Guid userId, Guid id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.SavedSearches().AnyAsync(s => s.Id == id && s.IsShared && s.UserId != userId, ct);
    }

    /// <summary>Shares or unshares one of the admin's own searches (the caller checks the role); null when it is not theirs.</summary>
    public async Task<SavedSearch?> SetSharedAsync(Guid adminId, Guid id, bool shared, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var search = await db.SavedSearches().FirstOrDefaultAsync(s => s.Id == id && s.UserId == adminId, ct);
        if (search is null) return null;
        search.IsShared = shared;
        search.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await ChangedAsync(ct);
        return search;
    }

    /// <summary>Follows (or stops following) a search shared with the team; false when there is no such shared search of someone else.</summary>
    public async Task<bool> FollowAsync(Guid userId, Guid id, bool follow, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await db.SavedSearches().AnyAsync(s => s.Id == id && s.IsShared && s.UserId != userId, ct)) return false;
        var existing = await db.SavedSearchFollows().FirstOrDefaultAsync(f => f.SavedSearchId == id && f.UserId == userId, ct);
        if (follow && existing is null)
        {
            db.SavedSearchFollows().Add(new SavedSearchFollow { SavedSearchId = id, UserId = userId, FollowedAt = time.GetUtcNow() });
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException) { /* followed twice at once: the other request did it */ }
        }
        else if (!follow && existing is not null)
        {
            db.SavedSearchFollows().Remove(existing);
            await db.SaveChangesAsync(ct);
        }
        await ChangedAsync(ct);
        return true;
    }

    /// <summary>The user's own searches, then the team's shared ones (read-only), each with whether the user follows it.</summary>
    public async Task<IReadOnlyList<SavedSearchDto>> ListVisibleAsync(Guid userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var own = await db.SavedSearches().AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.CreatedAt).ToListAsync(ct);
        var shared = await db.SavedSearches().AsNoTracking().Where(s => s.IsShared && s.UserId != userId).OrderBy(s => s.CreatedAt).ToListAsync(ct);
        var followed = await db.SavedSearchFollows().AsNoTracking().Where(f => f.UserId == userId).Select(f => f.SavedSearchId).ToListAsync(ct);
        return own.Select(s => SavedSearchDto.From(s))
            .Concat(shared.Select(s => SavedSearchDto.From(s, readOnly: true, following: followed.Contains(s.Id)))).ToList();
    }

    /// <summary>Every instance's matcher rebuilds its index before the next job.</summary>
    private Task ChangedAsync(CancellationToken ct) => live.PublishAsync(SearchMatcher.ChangedTopic, new { }, ct);

    private static List<string> Clean(IReadOnlyList<string>? values) =>
        (values ?? []).OfType<string>().Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();   // JSON may hold nulls

    private static void Apply(SavedSearch search, SavedSearchInput input, DateTimeOffset now)
    {
        search.Name = input.Name.Trim();
        search.Query = string.IsNullOrWhiteSpace(input.Query) ? null : input.Query.Trim();
        search.Skills = Clean(input.Skills);
        search.JobType = string.IsNullOrWhiteSpace(input.JobType) ? null : input.JobType;
        search.ExperienceLevel = string.IsNullOrWhiteSpace(input.ExperienceLevel) ? null : input.ExperienceLevel;
        search.PaymentVerifiedOnly = input.PaymentVerifiedOnly ?? false;
        search.HideRedFlagged = input.HideRedFlagged ?? false;
        search.AlertsEnabled = input.AlertsEnabled ?? true;
        search.RequireAllSkills = input.RequireAllSkills ?? false;
        (search.BudgetMin, search.BudgetMax, search.HourlyMin, search.HourlyMax) = (input.BudgetMin, input.BudgetMax, input.HourlyMin, input.HourlyMax);
        search.Categories = Clean(input.Categories);
        search.CountriesInclude = Clean(input.CountriesInclude);
        search.CountriesExclude = Clean(input.CountriesExclude);
        search.ExcludeWords = Clean(input.ExcludeWords);
        (search.ClientMinSpent, search.ClientMinHires, search.ClientMinRating, search.MaxProposals) = (input.ClientMinSpent, input.ClientMinHires, input.ClientMinRating, input.MaxProposals);
        (search.QuietFromHour, search.QuietToHour) = (input.QuietFromHour, input.QuietToHour);
        search.FilterKey = UpworkSearchFilter.Key(UpworkSearchFilter.From(search));
        search.UpdatedAt = now;
    }
}

/// <summary>Body of <c>POST/PUT /api/v1/upwork/saved-searches</c>.</summary>
internal sealed record SavedSearchInput(
    string Name, string? Query, IReadOnlyList<string>? Skills, string? JobType, string? ExperienceLevel, bool? PaymentVerifiedOnly, bool? AlertsEnabled,
    bool? RequireAllSkills = null, decimal? BudgetMin = null, decimal? BudgetMax = null, decimal? HourlyMin = null, decimal? HourlyMax = null,
    IReadOnlyList<string>? Categories = null, decimal? ClientMinSpent = null, int? ClientMinHires = null, double? ClientMinRating = null,
    IReadOnlyList<string>? CountriesInclude = null, IReadOnlyList<string>? CountriesExclude = null, int? MaxProposals = null, IReadOnlyList<string>? ExcludeWords = null,
    int? QuietFromHour = null, int? QuietToHour = null, bool? HideRedFlagged = null);

internal sealed class SavedSearchInputValidator : AbstractValidator<SavedSearchInput>
{
    public SavedSearchInputValidator()
    {
        RuleFor(s => s.Name).NotEmpty().WithMessage("name is required").MaximumLength(100).WithMessage("name must be at most 100 characters");
        RuleFor(s => s.Query).MaximumLength(500).WithMessage("query must be at most 500 characters");
        RuleFor(s => s.Skills).Must(s => s is null || s.Count <= 20).WithMessage("skills can list at most 20 skills");
        RuleForEach(s => s.Skills).MaximumLength(100).WithMessage("each skill must be at most 100 characters");
        RuleFor(s => s.JobType).Must(t => string.IsNullOrEmpty(t) || t is "hourly" or "fixed").WithMessage("jobType must be hourly or fixed");
        RuleFor(s => s.ExperienceLevel).Must(t => string.IsNullOrEmpty(t) || t is "entry" or "intermediate" or "expert")
            .WithMessage("experienceLevel must be entry, intermediate or expert");
        RuleFor(s => s.BudgetMin).InclusiveBetween(0, 10_000_000).WithMessage("budgetMin must be between 0 and 10,000,000");
        RuleFor(s => s.BudgetMax).InclusiveBetween(0, 10_000_000).WithMessage("budgetMax must be between 0 and 10,000,000")
            .GreaterThanOrEqualTo(s => s.BudgetMin ?? 0).When(s => s.BudgetMin is not null).WithMessage("budgetMax must be at least budgetMin");
        RuleFor(s => s.HourlyMin).InclusiveBetween(0, 10_000).WithMessage("hourlyMin must be between 0 and 10,000");
        RuleFor(s => s.HourlyMax).InclusiveBetween(0, 10_000).WithMessage("hourlyMax must be between 0 and 10,000")
            .GreaterThanOrEqualTo(s => s.HourlyMin ?? 0).When(s => s.HourlyMin is not null).WithMessage("hourlyMax must be at least hourlyMin");
        RuleFor(s => s.ClientMinSpent).InclusiveBetween(0, 100_000_000).WithMessage("clientMinSpent must be between 0 and 100,000,000");
        RuleFor(s => s.ClientMinHires).InclusiveBetween(0, 100_000).WithMessage("clientMinHires must be between 0 and 100,000");
        RuleFor(s => s.ClientMinRating).InclusiveBetween(0, 5).WithMessage("clientMinRating must be between 0 and 5");
        RuleFor(s => s.MaxProposals).InclusiveBetween(0, 1000).WithMessage("maxProposals must be between 0 and 1000");
        RuleFor(s => s.QuietFromHour).InclusiveBetween(0, 23).WithMessage("quietFromHour must be an hour from 0 to 23 (UTC)")
            .NotNull().When(s => s.QuietToHour is not null).WithMessage("quietFromHour and quietToHour go together");
        RuleFor(s => s.QuietToHour).InclusiveBetween(0, 23).WithMessage("quietToHour must be an hour from 0 to 23 (UTC)")
            .NotNull().When(s => s.QuietFromHour is not null).WithMessage("quietFromHour and quietToHour go together");
        RuleFor(s => s.Categories).Must(l => l is null || l.Count <= 50).WithMessage("categories can list at most 50 values");
        RuleForEach(s => s.Categories).MaximumLength(100).WithMessage("each of categories must be at most 100 characters");
        RuleFor(s => s.CountriesInclude).Must(l => l is null || l.Count <= 50).WithMessage("countriesInclude can list at most 50 values");
        RuleForEach(s => s.CountriesInclude).MaximumLength(100).WithMessage("each of countriesInclude must be at most 100 characters");
        RuleFor(s => s.CountriesExclude).Must(l => l is null || l.Count <= 50).WithMessage("countriesExclude can list at most 50 values");
        RuleForEach(s => s.CountriesExclude).MaximumLength(100).WithMessage("each of countriesExclude must be at most 100 characters");
        RuleFor(s => s.ExcludeWords).Must(l => l is null || l.Count <= 50).WithMessage("excludeWords can list at most 50 values");
        RuleForEach(s => s.ExcludeWords).MaximumLength(100).WithMessage("each of excludeWords must be at most 100 characters");
        RuleFor(s => s).Must(s => !string.IsNullOrWhiteSpace(s.Query) || s.Skills is { Count: > 0 })
            .WithName("query").WithMessage("query or skills is required: a search needs words or skills to look for");
    }
}

/// <summary>A saved search as the API returns it.</summary>
internal sealed record SavedSearchDto(
    Guid Id, string Name, string? Query, IReadOnlyList<string> Skills, string? JobType, string? ExperienceLevel, bool PaymentVerifiedOnly, bool AlertsEnabled,
    bool RequireAllSkills, decimal? BudgetMin, decimal? BudgetMax, decimal? HourlyMin, decimal? HourlyMax, IReadOnlyList<string> Categories,
    decimal? ClientMinSpent, int? ClientMinHires, double? ClientMinRating, IReadOnlyList<string> CountriesInclude, IReadOnlyList<string> CountriesExclude,
    int? MaxProposals, IReadOnlyList<string> ExcludeWords, int? QuietFromHour, int? QuietToHour, DateTimeOffset CreatedAt,
    bool Shared = false, bool ReadOnly = false, bool Following = false, bool HideRedFlagged = false)
{
    /// <summary>Exactly what <see cref="Query"/> is sent to Upwork as (<c>searchExpression_eq</c>), escaped for its Lucene syntax.</summary>
    public string? SentToUpwork => string.IsNullOrWhiteSpace(Query) ? null : UpworkSearchFilter.Expression(Query);

    /// <summary>A search as its owner (default) or as a member it is shared with (<paramref name="readOnly"/>) sees it.</summary>
    public static SavedSearchDto From(SavedSearch s, bool readOnly = false, bool following = false) => new(
        s.Id, s.Name, s.Query, s.Skills, s.JobType, s.ExperienceLevel, s.PaymentVerifiedOnly, s.AlertsEnabled, s.RequireAllSkills, s.BudgetMin, s.BudgetMax,
        s.HourlyMin, s.HourlyMax, s.Categories, s.ClientMinSpent, s.ClientMinHires, s.ClientMinRating, s.CountriesInclude, s.CountriesExclude,
        s.MaxProposals, s.ExcludeWords, s.QuietFromHour, s.QuietToHour, s.CreatedAt, s.IsShared, readOnly, following, s.HideRedFlagged);
}

/// <summary>Body of <c>PUT /api/v1/upwork/saved-searches/{id}/shared</c>.</summary>
internal sealed record ShareRequest(bool Shared);
