namespace Modules.Identity.Data;

/// <summary>How many units of a metered feature a user used in one calendar month (<c>yyyy-MM</c>, UTC).</summary>
internal sealed class UsageCounter
{
    public Guid UserId { get; set; }
    public required string Period { get; set; }
    public required string Feature { get; set; }
    public int Count { get; set; }
}
