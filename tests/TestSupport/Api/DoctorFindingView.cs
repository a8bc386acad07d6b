namespace TestSupport.Api;

/// <summary>One checked item of an operation: the outcome, what was checked, why, and where in the query.</summary>
public sealed record DoctorFindingView(string Outcome, string Subject, string Message, int? Line, string? LineText);
