using Modules.Ai.Models;

namespace Modules.Ai.Scoring;

/// <summary>What a bid is quoted in.</summary>
internal enum BidKind
{
    /// <summary>An hourly rate.</summary>
    Hourly,

    /// <summary>A fixed price for the whole job.</summary>
    Fixed,
}
