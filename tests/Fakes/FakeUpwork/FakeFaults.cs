namespace FakeUpwork;

/// <summary>Kinds of injected faults.</summary>
public enum FakeFaultKind
{
    /// <summary>HTTP 500 with <c>{"message":"Internal Server Error"}</c>.</summary>
    Http500,

    /// <summary>HTTP 429 <c>{"message":"Too Many Requests"}</c>, with Retry-After only when a delay is given.</summary>
    RateLimited,

    /// <summary>
    /// HTTP 200 in graphql-java's shape for a failed resolver: the first root field null (<c>{"data":{"&lt;root&gt;":null}}</c>)
    /// and an error on that path whose message contains "Transform timeout".
    /// </summary>
    TransformTimeout,

    /// <summary>A real answer in which one search node is null, plus a "Cannot return null for non-nullable field" error with a path.</summary>
    PartialData,

    /// <summary>Waits, then answers normally.</summary>
    Slow,

    /// <summary>HTTP 401 <c>{"message":"Authentication failed"}</c>.</summary>
    Unauthorized,
}

/// <summary>One injected fault for the next GraphQL request.</summary>
public sealed class FakeFault
{
    private FakeFault(FakeFaultKind kind, TimeSpan? retryAfter = null, TimeSpan delay = default)
    {
        Kind = kind;
        RetryAfter = retryAfter;
        Delay = delay;
    }

    /// <summary>The kind.</summary>
    public FakeFaultKind Kind { get; }

    /// <summary>For <see cref="FakeFaultKind.RateLimited"/>: the Retry-After value (whole seconds, rounded up), or none.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>For <see cref="FakeFaultKind.Slow"/>: the delay.</summary>
    public TimeSpan Delay { get; }

    /// <summary>HTTP 500.</summary>
    /// <returns>The fault.</returns>
    public static FakeFault Http500() => new(FakeFaultKind.Http500);

    /// <summary>HTTP 429, with a Retry-After header only when <paramref name="retryAfter"/> is given.</summary>
    /// <param name="retryAfter">The Retry-After value, or null for no header.</param>
    /// <returns>The fault.</returns>
    public static FakeFault RateLimited(TimeSpan? retryAfter = null) => new(FakeFaultKind.RateLimited, retryAfter);

    /// <summary>HTTP 200 with a "Transform timeout" error on a null root field.</summary>
    /// <returns>The fault.</returns>
    public static FakeFault TransformTimeout() => new(FakeFaultKind.TransformTimeout);

    /// <summary>A search answer with its first node nulled and a non-null violation error.</summary>
    /// <returns>The fault.</returns>
    public static FakeFault PartialData() => new(FakeFaultKind.PartialData);

    /// <summary>Delays the answer.</summary>
    /// <param name="delay">How long to wait.</param>
    /// <returns>The fault.</returns>
    public static FakeFault Slow(TimeSpan delay) => new(FakeFaultKind.Slow, delay: delay);

    /// <summary>HTTP 401.</summary>
    /// <returns>The fault.</returns>
    public static FakeFault Unauthorized() => new(FakeFaultKind.Unauthorized);

    /// <inheritdoc/>
    public override string ToString() => Kind.ToString();
}

/// <summary>Fault injection: queued faults apply, in order, to the next GraphQL requests.</summary>
public sealed class FakeFaults
{
    private readonly Lock _sync = new();
    private readonly Queue<FakeFault> _queue = new();
    private volatile bool _expiresInAsString;

    /// <summary>When true, token responses send <c>"expires_in":"86400"</c> (a string) instead of the number.</summary>
    public bool ExpiresInAsString
    {
        get => _expiresInAsString;
        set => _expiresInAsString = value;
    }

    private (string Error, string Description)? _tokenRefusal;

    /// <summary>
    /// Makes the next token request (any grant) answer 400 <c>{"error":<paramref name="error"/>,…}</c>, for codes the
    /// fake cannot provoke otherwise with a well-formed request (e.g. <c>invalid_request</c> for a reason Upwork gives).
    /// </summary>
    /// <param name="error">The OAuth error code.</param>
    /// <param name="description">The error_description.</param>
    public void RefuseNextTokenRequest(string error, string description)
    {
        lock (_sync)
        {
            _tokenRefusal = (error, description);
        }
    }

    /// <summary>How many queued faults are left.</summary>
    public int Pending
    {
        get
        {
            lock (_sync)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Queues a fault for the next <paramref name="times"/> GraphQL requests.</summary>
    /// <param name="fault">The fault.</param>
    /// <param name="times">How many requests it applies to.</param>
    public void Enqueue(FakeFault fault, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(times);
        lock (_sync)
        {
            for (var i = 0; i < times; i++)
            {
                _queue.Enqueue(fault);
            }
        }
    }

    /// <summary>Drops queued faults and turns <see cref="ExpiresInAsString"/> off.</summary>
    public void Clear()
    {
        lock (_sync)
        {
            _queue.Clear();
            _tokenRefusal = null;
        }

        _expiresInAsString = false;
    }

    internal (string Error, string Description)? TakeTokenRefusal()
    {
        lock (_sync)
        {
            var refusal = _tokenRefusal;
            _tokenRefusal = null;
            return refusal;
        }
    }

    internal FakeFault? TryDequeue()
    {
        lock (_sync)
        {
            return _queue.TryDequeue(out var fault) ? fault : null;
        }
    }
}
