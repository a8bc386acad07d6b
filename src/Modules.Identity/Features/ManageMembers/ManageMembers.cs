using Contracts.Identity;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Modules.Identity.Auth;
using Modules.Identity.Data;
using Modules.Identity.Plans;

namespace Modules.Identity.Features.ManageMembers;

/// <summary>The workspace admin's view of members: plans, this month's usage, and deactivation (which signs out everywhere).</summary>
internal sealed class ManageMembers(IDbContextFactory<AppDbContext> contexts, IUsageQuota quota, Sessions sessions, AuditLog audit, IOptions<PlanOptions> plans, TimeProvider time)
{
    public async Task<IReadOnlyList<MemberRow>> ListAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.CreatedAt)
            .Select(u => new { u.Id, u.Email, u.FirstName, u.LastName, u.SubscriptionPlan, u.IsActive, u.CreatedAt, u.LastLogin })
            .ToListAsync(ct);
        var held = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        var roles = held.GroupBy(h => h.UserId).ToDictionary(g => g.Key, g => RoleOf(g.Select(h => h.Name!)));
        var rows = new List<MemberRow>();
        foreach (var u in users)
        {
            var usage = await quota.GetUsageAsync(u.Id, QuotaFeatures.AiGeneration, ct);
            rows.Add(new MemberRow(u.Id, u.Email ?? "", $"{u.FirstName} {u.LastName}".Trim(), roles.GetValueOrDefault(u.Id, Roles.Viewer),
                u.SubscriptionPlan, usage.Used, usage.Limit, u.IsActive, u.CreatedAt, u.LastLogin));
        }
        return rows;
    }

    /// <summary>The role an account acts as, from the role names it holds (the legacy Member is a bidder: see <see cref="Roles.Member"/>).</summary>
    internal static string RoleOf(IEnumerable<string> held)
    {
        var names = held.ToHashSet(StringComparer.Ordinal);
        return Roles.Assignable.FirstOrDefault(names.Contains) ?? (names.Contains(Roles.Member) ? Roles.Bidder : Roles.Viewer);
    }

    /// <summary>Changes a member's plan, role or active state. Null when there is no such user.</summary>
    public async Task<MemberChangeResult> UpdateAsync(Guid adminId, Guid userId, MemberUpdate update, HttpContext? http, CancellationToken ct)
    {
        if (userId == adminId && update.IsActive == false) return MemberChangeResult.Refused("You cannot deactivate your own account");
        if (userId == adminId && update.Role is { } own && own != Roles.Admin) return MemberChangeResult.Refused("You cannot change your own role: ask another admin", "role");
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
        if (update.Role is { } role && await ChangeRoleAsync(db, user, role, ct) is { } previous)
        {
            audit.Add(db, adminId, "role_changed", $"{user.Email}: {previous} → {role}", http);
            // The role travels in the cookie and token: signing the member out everywhere makes the new one hold at once.
            revoked = await sessions.RevokeAllAsync(db, userId, "role changed", ct);
            user.SecurityStamp = Guid.NewGuid().ToString("N");
        }
        if (update.IsActive is { } active && active != user.IsActive)
        {
            user.IsActive = active;
            audit.Add(db, adminId, active ? "user_reactivated" : "user_deactivated", user.Email, http);
            if (!active) revoked = [.. revoked, .. await sessions.RevokeAllAsync(db, userId, "account deactivated", ct)];
        }
        user.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        foreach (var id in revoked.Distinct()) await sessions.ForgetAsync(user.Id, id, ct);
        return MemberChangeResult.Done();
    }

    /// <summary>Gives <paramref name="user"/> exactly <paramref name="role"/>; the role it had, or null when it already had it.</summary>
    private static async Task<string?> ChangeRoleAsync(AppDbContext db, AppUser user, string role, CancellationToken ct)
    {
        var held = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select new { Link = ur, r.Name }).ToListAsync(ct);
        var previous = RoleOf(held.Select(h => h.Name!));
        if (held.Count == 1 && held[0].Name == role) return null;
        var target = await db.Roles.FirstOrDefaultAsync(r => r.Name == role, ct);
        if (target is null)
        {
            target = new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7(), NormalizedName = role.ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString("N") };
            db.Roles.Add(target);
        }
        db.UserRoles.RemoveRange(held.Select(h => h.Link));
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = target.Id });
        return previous;
    }
}

internal sealed record MemberRow(Guid Id, string Email, string Name, string Role, string Plan, int AiUsed, int AiLimit, bool IsActive, DateTimeOffset CreatedAt, DateTimeOffset? LastLogin);

internal sealed record MemberUpdate(string? Plan, bool? IsActive, string? Role = null);

internal sealed record MemberChangeResult(bool Found, string? Error, string Field = "isActive")
{
    public static MemberChangeResult Done() => new(true, null);
    public static MemberChangeResult Missing() => new(false, null);
    public static MemberChangeResult Refused(string error, string field = "isActive") => new(true, error, field);
}

internal sealed class MemberUpdateValidator : AbstractValidator<MemberUpdate>
{
    public MemberUpdateValidator(IOptions<PlanOptions> plans)
    {
        RuleFor(u => u.Plan).Must(p => plans.Value.AiGenerationsPerMonth.ContainsKey(p!))
            .When(u => u.Plan is not null)
            .WithMessage($"plan must be one of: {string.Join(", ", plans.Value.AiGenerationsPerMonth.Keys)}");
        RuleFor(u => u.Role).Must(r => Roles.Assignable.Contains(r!))
            .When(u => u.Role is not null)
            .WithMessage($"role must be one of: {string.Join(", ", Roles.Assignable)}");
    }
}
