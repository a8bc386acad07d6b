namespace TestSupport.Api;

/// <summary>Why a job did or did not match one saved search.</summary>
public sealed record SearchExplanation(Guid SavedSearchId, string Name, bool Matched, IReadOnlyList<CriterionResult> Criteria);
