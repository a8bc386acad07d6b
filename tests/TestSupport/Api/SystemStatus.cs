namespace TestSupport.Api;

/// <summary>The admin's system page as <c>/api/v1/identity/admin/system</c> answers it (the fields tests read).</summary>
public sealed record SystemStatus(DateTimeOffset At, DateTimeOffset CheckedAt, IReadOnlyList<DependencyStatus> Dependencies, IReadOnlyList<TriggerStatus> Triggers, UpworkStatus Upwork);
