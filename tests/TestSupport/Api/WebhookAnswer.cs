namespace TestSupport.Api;

/// <summary>What an inbound webhook answers: the event, whether it was a replay, the job it stored and what it did.</summary>
public sealed record WebhookAnswer(string EventId, string Type, bool Duplicate, Guid? JobPostingId, string? Outcome);
