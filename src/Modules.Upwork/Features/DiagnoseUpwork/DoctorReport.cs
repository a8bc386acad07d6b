using System.Text.Json.Serialization;

namespace Modules.Upwork.Features.DiagnoseUpwork;

/// <summary>What <c>upwork-doctor</c> found: per operation we send, every item checked against the live schema.</summary>
internal sealed record DoctorReport(string Account, IReadOnlyList<DoctorOperation> Operations, int TypesChecked, string? Error)
{
    /// <summary>Everything checked matched and the check ran to the end.</summary>
    public bool Passed => Error is null && Operations.All(o => o.Passed);

    [JsonIgnore]
    public IEnumerable<DoctorFinding> Mismatches => Operations.SelectMany(o => o.Findings).Where(f => f.Outcome == DoctorOutcome.Mismatch);
}

/// <summary>One operation of <c>UpworkQueries</c> and what was found in it.</summary>
internal sealed record DoctorOperation(string Name, string Kind, IReadOnlyList<DoctorFinding> Findings)
{
    public bool Passed => Findings.All(f => f.Outcome != DoctorOutcome.Mismatch);

    public int Matches => Findings.Count(f => f.Outcome == DoctorOutcome.Match);
}

/// <summary>
/// One checked item: a type, a field, an argument, a variable's type, an input field, an enum value. <see cref="Line"/>
/// and <see cref="LineText"/> point into the operation's text (the line Upwork would refuse).
/// </summary>
internal sealed record DoctorFinding(DoctorOutcome Outcome, string Subject, string Message, int? Line, string? LineText);

[JsonConverter(typeof(JsonStringEnumConverter<DoctorOutcome>))]
internal enum DoctorOutcome
{
    /// <summary>Exists on the live schema as we use it.</summary>
    Match,

    /// <summary>Exists but is deprecated, or could not be checked.</summary>
    Warning,

    /// <summary>Upwork would refuse the operation.</summary>
    Mismatch,
}

/// <summary>Progress of a run: how many types were asked for, and which one now.</summary>
internal sealed record DoctorProgress(int TypesChecked, string CurrentType, string Operation);
