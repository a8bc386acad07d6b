using Microsoft.AspNetCore.Identity;

namespace Modules.Identity.Registration;

/// <summary>Creates an account (the Register slice implements it); signing in with an external provider registers through it too.</summary>
internal interface IRegisterAccounts
{
    Task<RegisterOutcome> RunAsync(AppDbContext db, RegisterRequest request, HttpContext? http, CancellationToken ct);
}

internal sealed record RegisterRequest(string Email, string Password, string? FirstName, string? LastName, string? InviteToken = null, string? SetupToken = null);

internal sealed record RegisterOutcome(AppUser? User, bool RegistrationClosed, IReadOnlyList<ApiFieldError> Errors, bool Conflict, string? ClosedReason = null)
{
    public const string ClosedMessage = "Registration is closed: ask your workspace admin for an invitation";

    public static RegisterOutcome Created(AppUser user) => new(user, false, [], false);

    public static RegisterOutcome Closed(string? reason = null) => new(null, true, [], false, reason ?? ClosedMessage);

    public static RegisterOutcome Failed(IEnumerable<IdentityError> errors)
    {
        var list = errors.Select(e => new ApiFieldError(
            e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "email",
            e.Code is "DuplicateUserName" or "DuplicateEmail" ? "An account with this email already exists" : e.Description)).DistinctBy(e => e.Message).ToList();
        return new(null, false, list, list.Any(e => e.Message.StartsWith("An account with this email", StringComparison.Ordinal)));
    }
}
