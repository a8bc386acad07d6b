using FluentValidation;

namespace Modules.Analytics.Periods;

/// <summary>Query string of the dashboard routes: a period (default the last 30 days) and optionally one profile.</summary>
internal sealed record DashboardQuery(DateOnly? From = null, DateOnly? To = null, Guid? ProfileId = null, string? Scope = null)
{
    /// <summary>The workspace's numbers rather than the caller's (admins only).</summary>
    public bool Team => Scope == "team";
}

/// <summary>The period of the dashboard and of the per-bidder numbers: its limits and how a query's dates become one.</summary>
internal static class DashboardPeriod
{
    public const int MaxDays = 366;

    /// <summary>How far back a period may start or end; older dates are refused (400 naming the field).</summary>
    public const int HistoryYears = 5;

    /// <summary>
    /// The period, normalised: a <c>to</c> after today is today (nothing is counted in the future yet), so the cache
    /// keys a caller can make are bounded by the dates the validator lets through (the last
    /// <see cref="HistoryYears"/> years) rather than by every date a query string can spell.
    /// </summary>
    public static (DateOnly From, DateOnly To) Of(DashboardQuery q, TimeProvider time)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var to = q.To is { } t && t < today ? t : today;
        return (q.From ?? to.AddDays(-29), to);
    }
}

internal sealed class DashboardQueryValidator : AbstractValidator<DashboardQuery>
{
    public DashboardQueryValidator(TimeProvider time)
    {
        DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        DateOnly Earliest() => Today().AddYears(-DashboardPeriod.HistoryYears);
        var tooOld = $"must be within the last {DashboardPeriod.HistoryYears} years";
        RuleFor(q => q.Scope).Must(s => s is null or "me" or "team").WithMessage("scope must be me or team");
        RuleFor(q => q.To).Cascade(CascadeMode.Stop)
            .Must((q, to) => q.From is null || to is null || q.From <= to).WithMessage("to must not be before from")
            .Must(to => to is null || to >= Earliest()).WithMessage("to " + tooOld);
        RuleFor(q => q.From).Cascade(CascadeMode.Stop)
            .Must(from => from is null || from <= Today()).WithMessage("from must not be after today")
            .Must(from => from is null || from >= Earliest()).WithMessage("from " + tooOld)
            .Must((q, from) => from is null || (q.To is { } to && to < Today() ? to : Today()).DayNumber - from.Value.DayNumber < DashboardPeriod.MaxDays)
            .WithMessage($"the period may be at most {DashboardPeriod.MaxDays} days");
    }
}
