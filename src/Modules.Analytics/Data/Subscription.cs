using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modules.Analytics.Data;

/// <summary>A customer subscription, for operators who resell the hosted app (table <c>analytics.subscriptions</c>).</summary>
internal sealed class Subscription
{
    public Guid Id { get; set; }
    public required string Customer { get; set; }
    public required string Plan { get; set; }
    public decimal Price { get; set; }

    /// <summary><c>month</c> or <c>year</c>.</summary>
    public string Interval { get; set; } = "month";
    public DateOnly Start { get; set; }
    public DateOnly? End { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
