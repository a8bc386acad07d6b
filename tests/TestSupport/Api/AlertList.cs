namespace TestSupport.Api;

/// <summary>The alert bell as <c>/api/v1/upwork/notifications</c> answers it.</summary>
public sealed record AlertList(IReadOnlyList<Alert> Items, int Unread);
