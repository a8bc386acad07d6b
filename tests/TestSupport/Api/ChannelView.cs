namespace TestSupport.Api;

/// <summary>An alert channel (e-mail, Slack, Discord, Telegram, webhook) as <c>/api/v1/upwork/alert-channels</c> lists it.</summary>
public sealed record ChannelView(Guid Id, string Kind, string Name, bool Enabled, string? LastError, bool AwaitingConfirmation);
