namespace TestSupport.Api;

/// <summary>A new inbound webhook source: its path and the signing secret, shown this once.</summary>
public sealed record WebhookSourceCreated(Guid Id, string Path, string Secret);
