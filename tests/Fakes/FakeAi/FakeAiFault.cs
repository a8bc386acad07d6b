namespace FakeAi;

/// <summary>One injected fault for the next generation request (chat completions or messages; never the models list).</summary>
public sealed class FakeAiFault
{
    private FakeAiFault(FakeAiFaultKind kind, int statusCode = 0, TimeSpan? retryAfter = null, TimeSpan delay = default, int afterChunks = 0)
    {
        Kind = kind;
        StatusCode = statusCode;
        RetryAfter = retryAfter;
        Delay = delay;
        AfterChunks = afterChunks;
    }

    /// <summary>The kind.</summary>
    public FakeAiFaultKind Kind { get; }

    /// <summary>For <see cref="FakeAiFaultKind.Status"/>: the HTTP status.</summary>
    public int StatusCode { get; }

    /// <summary>For <see cref="FakeAiFaultKind.Status"/>: the <c>retry-after</c> header (whole seconds, rounded up), or none.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>For <see cref="FakeAiFaultKind.Slow"/>: how long to wait before the headers.</summary>
    public TimeSpan Delay { get; }

    /// <summary>For <see cref="FakeAiFaultKind.DropMidStream"/>: how many content chunks are sent before the connection closes.</summary>
    public int AfterChunks { get; }

    /// <summary>
    /// An HTTP error with the provider's real error body: 401 (bad key), 429 (rate limit, with <c>retry-after</c> when
    /// <paramref name="retryAfter"/> is given), 500, 503, 529 (Anthropic's "overloaded"); other codes get a generic body.
    /// </summary>
    /// <param name="code">The HTTP status, 400 to 599.</param>
    /// <param name="retryAfter">The <c>retry-after</c> value, or null for no header.</param>
    /// <returns>The fault.</returns>
    public static FakeAiFault Status(int code, TimeSpan? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(code, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(code, 599);
        return new FakeAiFault(FakeAiFaultKind.Status, statusCode: code, retryAfter: retryAfter);
    }

    /// <summary>Waits <paramref name="delay"/> before the response headers (on top of <see cref="FakeAiScript.FirstByteDelay"/>).</summary>
    /// <param name="delay">The delay.</param>
    /// <returns>The fault.</returns>
    public static FakeAiFault Slow(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return new FakeAiFault(FakeAiFaultKind.Slow, delay: delay);
    }

    /// <summary>
    /// Sends <paramref name="afterChunks"/> content chunks of a stream, then closes the connection without finishing
    /// (a reply with fewer chunks is cut after its last event, before the connection would have been reusable).
    /// </summary>
    /// <param name="afterChunks">Content chunks sent first (0: only the stream's opening events).</param>
    /// <returns>The fault.</returns>
    public static FakeAiFault DropMidStream(int afterChunks)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterChunks);
        return new FakeAiFault(FakeAiFaultKind.DropMidStream, afterChunks: afterChunks);
    }

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        FakeAiFaultKind.Status => $"Status({StatusCode})",
        FakeAiFaultKind.Slow => $"Slow({Delay})",
        _ => $"DropMidStream({AfterChunks})",
    };
}
