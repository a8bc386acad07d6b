using Microsoft.AspNetCore.Identity;

namespace Modules.Identity.Auth;

/// <summary>
/// Identity's PBKDF2 hasher at the configured iteration count, with at most one hash per core at a time, so a
/// burst of sign-ins queues instead of starving the box (each hash is ~100 ms of CPU at 210,000 iterations).
/// </summary>
internal sealed class BoundedPasswordHasher(IOptions<PasswordHasherOptions> options) : IPasswordHasher<AppUser>
{
    private static readonly SemaphoreSlim Gate = new(Environment.ProcessorCount, Environment.ProcessorCount);
    private readonly PasswordHasher<AppUser> _inner = new(options);

    public string HashPassword(AppUser user, string password) => Bounded(() => _inner.HashPassword(user, password));

    public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword) =>
        Bounded(() => _inner.VerifyHashedPassword(user, hashedPassword, providedPassword));

    private static T Bounded<T>(Func<T> work)
    {
        Gate.Wait();
        try { return work(); }
        finally { Gate.Release(); }
    }
}
