namespace Modules.Upwork.Integrations.UpworkApi;

/// <summary>For whom and why the Upwork calls of the current flow are made: "Saved search “Blazor”", "Submit button".</summary>
internal sealed record UpworkCallOrigin(Guid? UserId, string Reason);

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
