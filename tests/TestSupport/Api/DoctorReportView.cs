namespace TestSupport.Api;

/// <summary>The Upwork doctor's report: each operation checked against Upwork's schema, and whether all passed.</summary>
public sealed record DoctorReportView(bool Passed, IReadOnlyList<DoctorOperationView> Operations, int TypesChecked);
