namespace ArchitectureTests.Features.Reports;

/// <summary>A deliberate breach of the slice-name rule: "Reports" names a thing, not what the user does with it.</summary>
internal sealed class MonthlyReport;
