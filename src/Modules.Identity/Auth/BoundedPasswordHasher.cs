using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;

namespace Modules.Identity.Auth;

/// <summary>
/// The gate in front of PBKDF2 (~100 ms of CPU per hash at 210,000 iterations): at most
/// <c>Auth:PasswordHashConcurrency</c> hashes at a time (default one per core) and a bounded queue of
/// <c>Auth:PasswordHashQueue</c> waiting callers. Waiting is asynchronous (no thread is held), and a caller that finds
/// the queue full is told "busy" at once, so a burst of sign-ins cannot starve the thread pool.
/// </summary>
internal sealed class PasswordHashGate : IDisposable
{
    private static readonly AsyncLocal<bool> Held = new();
    private readonly ConcurrencyLimiter _limiter;

    public PasswordHashGate(IConfiguration configuration)
    {
        var concurrency = Math.Max(1, configuration.GetValue("Auth:PasswordHashConcurrency", Environment.ProcessorCount));
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = concurrency,
            QueueLimit = Math.Max(0, configuration.GetValue("Auth:PasswordHashQueue", concurrency * 8)),
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>Seconds a refused caller is told to wait (the <c>Retry-After</c> of a 503).</summary>
    public const int RetryAfterSeconds = 2;

    /// <summary>
    /// Runs work that hashes (a sign-in, a registration) once a hashing slot is free, waiting asynchronously; answers
    /// busy at once (work not run) when the queue is full.
    /// </summary>
    public async Task<(bool Busy, T? Result)> RunAsync<T>(Func<Task<T>> work, CancellationToken ct)
    {
        if (Held.Value) return (false, await work());
        using var lease = await _limiter.AcquireAsync(1, ct);
        if (!lease.IsAcquired) return (true, default);
        Held.Value = true;   // flows into work (and the hasher it calls), not back to the caller
        return (false, await work());
    }

    /// <summary>Runs a hash: inside <see cref="RunAsync"/> at once; elsewhere (signed-in paths) it waits its turn.</summary>
    internal T Run<T>(Func<T> hash)
    {
        if (Held.Value) return hash();
        using var lease = _limiter.AcquireAsync(1).AsTask().GetAwaiter().GetResult();
        return hash();
    }

    /// <summary>Callers waiting in the queue now.</summary>
    public long Queued => _limiter.GetStatistics()?.CurrentQueuedCount ?? 0;

    public void Dispose() => _limiter.Dispose();
}

/// <summary>Identity's PBKDF2 hasher at the configured iteration count, behind <see cref="PasswordHashGate"/>.</summary>
internal sealed class BoundedPasswordHasher(IOptions<PasswordHasherOptions> options, PasswordHashGate gate) : IPasswordHasher<AppUser>
{
    private readonly PasswordHasher<AppUser> _inner = new(options);

    public string HashPassword(AppUser user, string password) => gate.Run(() => _inner.HashPassword(user, password));

    public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword) =>
        gate.Run(() => _inner.VerifyHashedPassword(user, hashedPassword, providedPassword));
}
