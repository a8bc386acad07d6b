namespace TestSupport.Api;

/// <summary>One GraphQL operation the doctor checked, with what it found.</summary>
public sealed record DoctorOperationView(string Name, bool Passed, int Matches, IReadOnlyList<DoctorFindingView> Findings);
