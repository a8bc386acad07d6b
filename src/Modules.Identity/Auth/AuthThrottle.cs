using System.Threading.RateLimiting;

namespace Modules.Identity.Auth;

/// <summary>
/// The per-account half of the auth limit (the per-address half is the <c>auth</c> rate-limit policy and the
/// <c>/account/*</c> form limiter): password and two-factor attempts against one account, from any address, at most
/// <c>Auth:RateLimitPerAccountPerMinute</c> a minute.
/// </summary>
internal sealed class AuthThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public AuthThrottle(IConfiguration configuration)
    {
        var permits = configuration.GetValue("Auth:RateLimitPerAccountPerMinute", 10);
        _limiter = PartitionedRateLimiter.Create<string, string>(account => RateLimitPartition.GetFixedWindowLimiter(account,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }

    /// <summary>True when this attempt against the account may go ahead.</summary>
    public bool TryAttempt(string account)
    {
        using var lease = _limiter.AttemptAcquire(account.Trim().ToUpperInvariant());
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
