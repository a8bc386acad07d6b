namespace Contracts.Identity;

/// <summary>Accounts that sign in through an external provider (Upwork), without a password.</summary>
public interface IExternalSignIn
{
    /// <summary>
    /// The local account for an external identity: the one already linked to <paramref name="providerKey"/>, else a new
    /// account for <paramref name="email"/> when registration is open (an existing password account with that e-mail is
    /// never taken over: it must link from its own settings). Null with a reason when no account may be used.
    /// </summary>
    Task<ExternalAccountResult> FindOrRegisterAsync(string provider, string providerKey, string email, string displayName, CancellationToken ct);

    /// <summary>Links <paramref name="providerKey"/> to a signed-in user so the next sign-in with it finds them (audited).</summary>
    Task LinkAsync(Guid userId, string provider, string providerKey, CancellationToken ct);

    /// <summary>Removes the user's link to <paramref name="provider"/>: signing in with it no longer works (audited).</summary>
    Task UnlinkAsync(Guid userId, string provider, CancellationToken ct);

    /// <summary>Signs the user into the current HTTP request with the browser cookie (a new session, audited), as the password sign-in does.</summary>
    Task SignInAsync(Guid userId, CancellationToken ct);
}

/// <summary>The account to sign in, whether it was just created, or why none may be used.</summary>
public sealed record ExternalAccountResult(Guid? UserId, bool Created, string? Error)
{
    /// <summary>Why no account may be used, as a fixed code the sign-in page turns into words: deactivated, two-factor, exists, closed, failed.</summary>
    public string? ErrorCode { get; init; }
}
