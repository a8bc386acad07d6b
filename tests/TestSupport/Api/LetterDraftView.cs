namespace TestSupport.Api;

/// <summary>A letter being written, kept for its job (<c>/api/v1/ai/drafts/{jobId}</c>).</summary>
public sealed record LetterDraftView(string Text);
