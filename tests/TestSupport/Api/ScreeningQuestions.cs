namespace TestSupport.Api;

/// <summary>A draft's screening questions as <c>/api/v1/upwork/proposals/{id}/screening-questions</c> answers them.</summary>
public sealed record ScreeningQuestions(IReadOnlyList<ScreeningQuestion> Questions, string? DraftedBy);
