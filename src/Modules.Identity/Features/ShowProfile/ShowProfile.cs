using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Modules.Identity.Auth;

namespace Modules.Identity.Features.ShowProfile;

/// <summary>The signed-in user's own profile (GET and PUT /api/v1/auth/profile).</summary>
internal sealed class ShowProfile(UserManager<AppUser> users, IDbContextFactory<AppDbContext> contexts, AuditLog audit, TimeProvider time)
{
    public async Task<UserProfile?> RunAsync(Guid userId)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        return user is null ? null : ToProfile(user, await users.GetRolesAsync(user));
    }

    public async Task<UserProfile?> UpdateAsync(Guid userId, ProfileUpdate update, HttpContext http, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return null;
        user.FirstName = string.IsNullOrWhiteSpace(update.FirstName) ? null : update.FirstName.Trim();
        user.LastName = string.IsNullOrWhiteSpace(update.LastName) ? null : update.LastName.Trim();
        user.UpdatedAt = time.GetUtcNow();
        audit.Add(db, userId, AuditLog.ProfileUpdated, null, http);
        await db.SaveChangesAsync(ct);
        return ToProfile(user, await users.GetRolesAsync(user));
    }

    public static UserProfile ToProfile(AppUser user, IEnumerable<string> roles) => new(
        user.Id, user.Email ?? "", user.FirstName, user.LastName, user.SubscriptionPlan, user.ApiUsageCount, user.ApiUsageLimit,
        roles.Order().ToList(), user.CreatedAt, user.LastLogin);
}

internal sealed record UserProfile(
    Guid Id, string Email, string? FirstName, string? LastName, string SubscriptionPlan, int ApiUsageCount, int ApiUsageLimit,
    IReadOnlyList<string> Roles, DateTimeOffset CreatedAt, DateTimeOffset? LastLogin);

internal sealed record ProfileUpdate(string? FirstName, string? LastName);

internal sealed class ProfileUpdateValidator : AbstractValidator<ProfileUpdate>
{
    public ProfileUpdateValidator()
    {
        RuleFor(p => p.FirstName).MaximumLength(100).WithMessage("firstName must be at most 100 characters");
        RuleFor(p => p.LastName).MaximumLength(100).WithMessage("lastName must be at most 100 characters");
    }
}
