namespace Modules.Upwork.Data;

/// <summary>One alert to one channel (table <c>upwork.alert_deliveries</c>): the outbox a Quartz job drains, with retries.</summary>
internal sealed class AlertDelivery
{
    public Guid Id { get; set; }
    public Guid ChannelId { get; set; }
    public Guid NotificationId { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public string? LastError { get; set; }
}
