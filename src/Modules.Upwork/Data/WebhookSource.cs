namespace Modules.Upwork.Data;

/// <summary>An inbound webhook source (table <c>upwork.webhook_sources</c>) with its sealed signing secret.</summary>
internal sealed class WebhookSource
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public required string Name { get; set; }
    public required string Secret { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastReceivedAt { get; set; }
    public int ReceivedCount { get; set; }

    public static string Purpose(Guid id) => $"upwork-webhook:{id:N}";
}
