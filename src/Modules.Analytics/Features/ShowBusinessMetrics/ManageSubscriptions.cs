using FluentValidation;
using Modules.Analytics.Data;

namespace Modules.Analytics.Features.ShowBusinessMetrics;

/// <summary>Body of <c>POST /api/v1/analytics/business/subscriptions</c> (and PUT).</summary>
internal sealed record SubscriptionInput(string Customer, string Plan, decimal Price, string? Interval, DateOnly Start, DateOnly? End);

/// <summary>The business view: MRR now, the last twelve months, and plan shares.</summary>
internal sealed record BusinessView(decimal MrrToday, IReadOnlyList<BusinessMonth> Months, IReadOnlyList<PlanShare> Plans, int Subscriptions);

/// <summary>The operator's subscription book (admins only) and the metrics computed from it.</summary>
internal sealed class ManageSubscriptions(IDbContextFactory<AppDbContext> contexts, TimeProvider time)
{
    public async Task<BusinessView> ViewAsync(CancellationToken ct)
    {
        var subs = await AllAsync(ct);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-11);
        return new BusinessView(SubscriptionMath.Mrr(subs, today), SubscriptionMath.Months(subs, first, today), SubscriptionMath.Plans(subs, today), subs.Count);
    }

    public async Task<IReadOnlyList<SubscriptionFact>> AllAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.Subscriptions().AsNoTracking().ToListAsync(ct);
        return rows.OrderBy(s => s.Start).Select(s => new SubscriptionFact(s.Id, s.Customer, s.Plan, s.Price, s.Interval, s.Start, s.End)).ToList();
    }

    public async Task<SubscriptionFact> AddAsync(SubscriptionInput input, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = new Subscription
        {
            Id = Guid.CreateVersion7(), Customer = input.Customer.Trim(), Plan = input.Plan.Trim().ToLowerInvariant(), Price = input.Price,
            Interval = input.Interval ?? "month", Start = input.Start, End = input.End, CreatedAt = time.GetUtcNow(),
        };
        db.Subscriptions().Add(row);
        await db.SaveChangesAsync(ct);
        return new SubscriptionFact(row.Id, row.Customer, row.Plan, row.Price, row.Interval, row.Start, row.End);
    }

    /// <summary>Ends (or changes the end of) a subscription; false when there is none with that id.</summary>
    public async Task<bool> EndAsync(Guid id, DateOnly? end, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.Subscriptions().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (row is null) return false;
        row.End = end;
        await db.SaveChangesAsync(ct);
        return true;
    }
}

internal sealed class SubscriptionInputValidator : AbstractValidator<SubscriptionInput>
{
    public SubscriptionInputValidator()
    {
        RuleFor(s => s.Customer).NotEmpty().WithMessage("customer is required").MaximumLength(200).WithMessage("customer must be at most 200 characters");
        RuleFor(s => s.Plan).NotEmpty().WithMessage("plan is required").MaximumLength(50).WithMessage("plan must be at most 50 characters");
        RuleFor(s => s.Price).InclusiveBetween(0, 1_000_000).WithMessage("price must be between 0 and 1,000,000");
        RuleFor(s => s.Interval).Must(i => i is null or "month" or "year").WithMessage("interval must be month or year");
        RuleFor(s => s.End).Must((s, end) => end is null || end > s.Start).WithMessage("end must be after start");
    }
}
