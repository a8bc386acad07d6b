using Contracts.Identity;
using FluentValidation;
using Modules.Identity.Auth;
using Modules.Identity.Data;
using Modules.Identity.Features.Quota;

namespace Modules.Identity.Features.Admin;

/// <summary>The workspace admin's view of members: plans, this month's usage, and deactivation (which signs out everywhere).</summary>
internal sealed class ManageMembers(IDbContextFactory<AppDbContext> contexts, IUsageQuota quota, Sessions sessions, AuditLog audit, IOptions<PlanOptions> plans, TimeProvider time)
{
    public async Task<IReadOnlyList<MemberRow>> ListAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.CreatedAt)
            .Select(u => new { u.Id, u.Email, u.FirstName, u.LastName, u.SubscriptionPlan, u.IsActive, u.CreatedAt, u.LastLogin })
            .ToListAsync(ct);
        var admins = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where r.Name == Roles.Admin select ur.UserId).ToListAsync(ct);
        var rows = new List<MemberRow>();
        foreach (var u in users)
        {
            var usage = await quota.GetUsageAsync(u.Id, QuotaFeatures.AiGeneration, ct);
            rows.Add(new MemberRow(u.Id, u.Email ?? "", $"{u.FirstName} {u.LastName}".Trim(), admins.Contains(u.Id) ? Roles.Admin : Roles.Member,
                u.SubscriptionPlan, usage.Used, usage.Limit, u.IsActive, u.CreatedAt, u.LastLogin));
        }
        return rows;
    }

    /// <summary>Changes a member's plan or active state. Null when there is no such user.</summary>
    public async Task<MemberChangeResult> UpdateAsync(Guid adminId, Guid userId, MemberUpdate update, HttpContext? http, CancellationToken ct)
    {
        if (userId == adminId && update.IsActive == false) return MemberChangeResult.Refused("You cannot deactivate your own account");
        await using var db = await contexts.CreateDbContextAsync(ct);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return MemberChangeResult.Missing();
        IReadOnlyList<Guid> revoked = [];
        if (update.Plan is { } plan && plan != user.SubscriptionPlan)
        {
            audit.Add(db, adminId, "plan_changed", $"{user.Email}: {user.SubscriptionPlan} → {plan}", http);
            user.SubscriptionPlan = plan;
            user.ApiUsageLimit = plans.Value.LimitFor(plan, QuotaFeatures.AiGeneration);
        }
        if (update.IsActive is { } active && active != user.IsActive)
        {
            user.IsActive = active;
            audit.Add(db, adminId, active ? "user_reactivated" : "user_deactivated", user.Email, http);
            if (!active) revoked = await sessions.RevokeAllAsync(db, userId, "account deactivated", ct);
        }
        user.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        foreach (var id in revoked) await sessions.ForgetAsync(user.Id, id, ct);
        return MemberChangeResult.Done();
    }
}

internal sealed record MemberRow(Guid Id, string Email, string Name, string Role, string Plan, int AiUsed, int AiLimit, bool IsActive, DateTimeOffset CreatedAt, DateTimeOffset? LastLogin);

internal sealed record MemberUpdate(string? Plan, bool? IsActive);

internal sealed record MemberChangeResult(bool Found, string? Error)
{
    public static MemberChangeResult Done() => new(true, null);
    public static MemberChangeResult Missing() => new(false, null);
    public static MemberChangeResult Refused(string error) => new(true, error);
}

internal sealed class MemberUpdateValidator : AbstractValidator<MemberUpdate>
{
    public MemberUpdateValidator(IOptions<PlanOptions> plans) =>
        RuleFor(u => u.Plan).Must(p => plans.Value.AiGenerationsPerMonth.ContainsKey(p!))
            .When(u => u.Plan is not null)
            .WithMessage($"plan must be one of: {string.Join(", ", plans.Value.AiGenerationsPerMonth.Keys)}");
}
