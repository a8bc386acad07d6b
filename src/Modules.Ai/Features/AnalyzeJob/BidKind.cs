namespace Modules.Ai.Features.AnalyzeJob;

/// <summary>What a bid is quoted in.</summary>
internal enum BidKind
{
    /// <summary>An hourly rate.</summary>
    Hourly,

    /// <summary>A fixed price for the whole job.</summary>
    Fixed,
}
