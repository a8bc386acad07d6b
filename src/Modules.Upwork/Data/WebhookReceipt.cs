namespace Modules.Upwork.Data;

/// <summary>An accepted webhook event (table <c>upwork.webhook_receipts</c>): a second delivery of the same id is refused.</summary>
internal sealed class WebhookReceipt
{
    public Guid SourceId { get; set; }
    public required string EventId { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}
