namespace TestSupport.Api;

/// <summary>One scheduled job: when it last fired, succeeded and failed, and the last error.</summary>
public sealed record TriggerStatus(string Job, DateTimeOffset? PreviousFireAt, DateTimeOffset? LastSucceededAt, DateTimeOffset? LastFailedAt, string? LastError);
