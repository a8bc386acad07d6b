namespace TestSupport.Api;

/// <summary>A provider the chain passed over, and why.</summary>
public sealed record LetterAttempt(string Provider, string Model, string Outcome)
{
    /// <summary>"provider/model: outcome", as the tests match it.</summary>
    public override string ToString() => $"{Provider}/{Model}: {Outcome}";
}
