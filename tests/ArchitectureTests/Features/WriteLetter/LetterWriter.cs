using ArchitectureTests.Features.AnalyzeJob;

namespace ArchitectureTests.Features.WriteLetter;

/// <summary>A handler of the WriteLetter slice reaching into the AnalyzeJob slice.</summary>
internal sealed class LetterWriter
{
    public string Write(JobScore score) => $"Fit {score.Value}";
}
