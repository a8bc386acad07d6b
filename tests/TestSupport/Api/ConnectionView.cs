namespace TestSupport.Api;

/// <summary>The Upwork page's view as <c>/api/v1/upwork/connection</c> answers it (the fields tests read).</summary>
public sealed record ConnectionView(
    bool Configured, bool Connected, UpworkAccount? Account, IReadOnlyList<ConnectionSearch> Searches, bool DemoFeedActive,
    IReadOnlyList<ConnectionShare>? SharedWithMe);
