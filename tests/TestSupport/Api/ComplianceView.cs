namespace TestSupport.Api;

/// <summary>The Upwork compliance page as <c>/api/v1/upwork/compliance</c> answers it (the fields tests read).</summary>
public sealed record ComplianceView(
    DateTimeOffset? UserPausedAt, DateTimeOffset? WorkspacePausedAt, IReadOnlyList<ComplianceGauge> Rates, IReadOnlyList<ComplianceGauge> HourlyBudgets, int CallsLast24Hours);
