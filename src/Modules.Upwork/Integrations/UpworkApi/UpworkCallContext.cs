namespace Modules.Upwork.Integrations.UpworkApi;

/// <summary>For whom and why the Upwork calls of the current flow are made: "Saved search “Blazor”", "Submit button".</summary>
internal sealed record UpworkCallOrigin(Guid? UserId, string Reason)
{
    /// <summary>Whether the pause switches were just read for this call (by <see cref="UpworkAccounts"/>), so the request need not read them again.</summary>
    public PauseCheck Pause { get; } = new();
}

/// <summary>
/// A pause check one request may rely on instead of reading the switches itself (docs/compliance.md, "one read per
/// call"): set when <see cref="UpworkAccounts"/> has read them for the call, taken by the first request that goes out.
/// A retry, a second request in the same flow, or a request that waited for a slot reads them again.
/// </summary>
internal sealed class PauseCheck
{
    private int _fresh;

    public void MarkFresh() => Volatile.Write(ref _fresh, 1);

    /// <summary>True once after <see cref="MarkFresh"/>; false afterwards.</summary>
    public bool Take() => Interlocked.Exchange(ref _fresh, 0) == 1;
}

/// <summary>
/// Carries <see cref="UpworkCallOrigin"/> from the code that starts Upwork work down to <see cref="UpworkPacingHandler"/>,
/// which checks the pause switches for that user and writes the call log (docs/compliance.md). An async-local value:
/// it follows the awaits of the flow that set it and nothing else.
/// </summary>
internal static class UpworkCallContext
{
    private static readonly AsyncLocal<UpworkCallOrigin?> Current = new();

    public static UpworkCallOrigin? Origin => Current.Value;

    /// <summary>Sets the origin until the returned scope is disposed; an inner scope keeps the outer reason when it has none of its own.</summary>
    public static IDisposable Begin(Guid? userId, string? reason)
    {
        var previous = Current.Value;
        Current.Value = new UpworkCallOrigin(userId, reason ?? (previous is not null && previous.UserId == userId ? previous.Reason : null) ?? "Background work");
        return new Scope(previous);
    }

    private sealed class Scope(UpworkCallOrigin? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
