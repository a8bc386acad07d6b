using FluentValidation;
using Modules.Upwork.Data;
using Modules.Upwork.Features.SyncJobPostings;

namespace Modules.Upwork.Features.ManageSavedSearches;

/// <summary>A user's saved searches (minimal: what Upwork filters server-side). Every read and write is scoped to the owner.</summary>
internal sealed class ManageSavedSearches(IDbContextFactory<AppDbContext> contexts, TimeProvider time)
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
        return search;
    }

    public async Task<SavedSearch?> UpdateAsync(Guid userId, Guid id, SavedSearchInput input, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var search = await db.SavedSearches().FirstOrDefaultAsync(s => s.Id == id && s.UserId == userId, ct);
        if (search is null) return null;
        Apply(search, input, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return search;
    }

    public async Task<bool> DeleteAsync(Guid userId, Guid id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.SavedSearches().Where(s => s.Id == id && s.UserId == userId).ExecuteDeleteAsync(ct) > 0;
    }

    public async Task<IReadOnlyList<SavedSearch>> ListAsync(Guid userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.SavedSearches().AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.CreatedAt).ToListAsync(ct);
    }

    private static void Apply(SavedSearch search, SavedSearchInput input, DateTimeOffset now)
    {
        search.Name = input.Name.Trim();
        search.Query = string.IsNullOrWhiteSpace(input.Query) ? null : input.Query.Trim();
        search.Skills = (input.Skills ?? []).Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        search.JobType = string.IsNullOrWhiteSpace(input.JobType) ? null : input.JobType;
        search.ExperienceLevel = string.IsNullOrWhiteSpace(input.ExperienceLevel) ? null : input.ExperienceLevel;
        search.PaymentVerifiedOnly = input.PaymentVerifiedOnly ?? false;
        search.AlertsEnabled = input.AlertsEnabled ?? true;
        search.FilterKey = UpworkSearchFilter.Key(UpworkSearchFilter.From(search));
        search.UpdatedAt = now;
    }
}

/// <summary>Body of <c>POST/PUT /api/v1/upwork/saved-searches</c>.</summary>
internal sealed record SavedSearchInput(string Name, string? Query, IReadOnlyList<string>? Skills, string? JobType, string? ExperienceLevel, bool? PaymentVerifiedOnly, bool? AlertsEnabled);

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
        RuleFor(s => s).Must(s => !string.IsNullOrWhiteSpace(s.Query) || s.Skills is { Count: > 0 })
            .WithName("query").WithMessage("query or skills is required: a search needs words or skills to look for");
    }
}

/// <summary>A saved search as the API returns it.</summary>
internal sealed record SavedSearchDto(Guid Id, string Name, string? Query, IReadOnlyList<string> Skills, string? JobType, string? ExperienceLevel, bool PaymentVerifiedOnly, bool AlertsEnabled, DateTimeOffset CreatedAt)
{
    public static SavedSearchDto From(SavedSearch s) => new(s.Id, s.Name, s.Query, s.Skills, s.JobType, s.ExperienceLevel, s.PaymentVerifiedOnly, s.AlertsEnabled, s.CreatedAt);
}
