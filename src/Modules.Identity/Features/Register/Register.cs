using Contracts.Identity;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Modules.Identity.Auth;
using Modules.Identity.Registration;

namespace Modules.Identity.Features.Register;

/// <summary>
/// Creates an account. The first account of the workspace becomes its Admin, and only with the one-time setup token
/// printed at start (<see cref="FirstAdminSetup"/>); later ones are Members, and only while registration is open (the
/// admin's stored choice, else <c>Auth:OpenRegistration</c>) or through an invitation link. Creating the first account
/// is serialised (in process, and on PostgreSQL across instances by an advisory lock), so two registrations racing on
/// an empty database yield one admin.
/// </summary>
internal sealed class Register(UserManager<AppUser> users, RoleManager<IdentityRole<Guid>> roles, AuditLog audit, Invitations invitations, TimeProvider time,
    FirstAdminSetup setup) : IRegisterAccounts
{
    public const string SetupTokenMessage = "The first account needs the setup token printed in the server's log at start (also in the data folder's setup-token file)";

    /// <summary>Any fixed number, the same on every instance: the key of the advisory lock around the first account.</summary>
    private const long FirstAccountLockKey = 0x7561_6669_7273_7461;   // "uafirsta"

    public async Task<RegisterOutcome> RunAsync(AppDbContext db, RegisterRequest request, HttpContext? http, CancellationToken ct)
    {
        if (await db.Users.AnyAsync(ct)) return await CreateAsync(db, request, http, isFirst: false, ct);

        await setup.FirstAccount.WaitAsync(ct);
        try
        {
            if (db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) != true)
                return await CreateFirstAsync(db, request, http, ct);
            // Held until commit: another instance's first registration waits here, then finds this account.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({FirstAccountLockKey})", ct);
            var outcome = await CreateFirstAsync(db, request, http, ct);
            await transaction.CommitAsync(ct);
            return outcome;
        }
        finally
        {
            setup.FirstAccount.Release();
        }
    }

    private async Task<RegisterOutcome> CreateFirstAsync(AppDbContext db, RegisterRequest request, HttpContext? http, CancellationToken ct)
    {
        if (await db.Users.AnyAsync(ct)) return await CreateAsync(db, request, http, isFirst: false, ct);   // lost the race
        if (!setup.Matches(request.SetupToken)) return RegisterOutcome.Closed(SetupTokenMessage);
        var outcome = await CreateAsync(db, request, http, isFirst: true, ct);
        if (outcome.User is not null) setup.Retire();
        return outcome;
    }

    private async Task<RegisterOutcome> CreateAsync(AppDbContext db, RegisterRequest request, HttpContext? http, bool isFirst, CancellationToken ct)
    {
        // An invitation works whether or not registration is open, and is spent only by an account that gets created.
        var invite = string.IsNullOrWhiteSpace(request.InviteToken) || isFirst ? null : request.InviteToken.Trim();
        if (invite is null && !isFirst && !await invitations.IsRegistrationOpenAsync(db, ct)) return RegisterOutcome.Closed();
        if (invite is not null && await invitations.TrySpendAsync(db, invite, request.Email.Trim(), ct) is { } refusal) return RegisterOutcome.Closed(refusal);

        var now = time.GetUtcNow();
        var user = new AppUser
        {
            Id = Guid.CreateVersion7(),
            UserName = request.Email.Trim(),
            Email = request.Email.Trim(),
            FirstName = string.IsNullOrWhiteSpace(request.FirstName) ? null : request.FirstName.Trim(),
            LastName = string.IsNullOrWhiteSpace(request.LastName) ? null : request.LastName.Trim(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        var created = await users.CreateAsync(user, request.Password);
        if (!created.Succeeded)
        {
            if (invite is not null) await invitations.ReleaseAsync(db, invite, ct);
            return RegisterOutcome.Failed(created.Errors);
        }

        var role = isFirst ? Roles.Admin : Roles.Bidder;
        if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() });
        await users.AddToRoleAsync(user, role);
        audit.Add(db, user.Id, AuditLog.Registered, invite is null ? $"role {role}" : $"role {role}, by invitation", http);
        await db.SaveChangesAsync(ct);
        return RegisterOutcome.Created(user);
    }
}

/// <summary>The password policy of docs/specification.md §9, one clear message per unmet rule.</summary>
internal sealed class RegisterRequestValidator : AbstractValidator<RegisterRequest>
{
    public RegisterRequestValidator(IOptions<IdentityOptions> identity)
    {
        var p = identity.Value.Password;
        RuleFor(r => r.Email).NotEmpty().WithMessage("email is required")
            .EmailAddress().WithMessage("email must be a valid email address")
            .MaximumLength(256).WithMessage("email must be at most 256 characters");
        RuleFor(r => r.Password).NotEmpty().WithMessage("password is required");
        RuleFor(r => r.Password).MinimumLength(p.RequiredLength).WithMessage($"password must be at least {p.RequiredLength} characters")
            .MaximumLength(128).WithMessage("password must be at most 128 characters")
            .When(r => !string.IsNullOrEmpty(r.Password));
        RuleFor(r => r.Password).Must(pw => pw.Any(char.IsUpper)).WithMessage("password needs an upper-case letter").When(r => p.RequireUppercase && !string.IsNullOrEmpty(r.Password));
        RuleFor(r => r.Password).Must(pw => pw.Any(char.IsLower)).WithMessage("password needs a lower-case letter").When(r => p.RequireLowercase && !string.IsNullOrEmpty(r.Password));
        RuleFor(r => r.Password).Must(pw => pw.Any(char.IsDigit)).WithMessage("password needs a digit").When(r => p.RequireDigit && !string.IsNullOrEmpty(r.Password));
        RuleFor(r => r.Password).Must(pw => pw.Any(c => !char.IsLetterOrDigit(c))).WithMessage("password needs a special character").When(r => p.RequireNonAlphanumeric && !string.IsNullOrEmpty(r.Password));
        RuleFor(r => r.FirstName).MaximumLength(100).WithMessage("firstName must be at most 100 characters");
        RuleFor(r => r.LastName).MaximumLength(100).WithMessage("lastName must be at most 100 characters");
    }
}
