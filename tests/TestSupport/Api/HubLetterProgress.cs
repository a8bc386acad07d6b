namespace TestSupport.Api;

/// <summary>The hub's <c>ai_progress</c> message.</summary>
public sealed record HubLetterProgress(Guid JobPostingId);
