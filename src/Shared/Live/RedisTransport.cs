using System.Text.Json;
using StackExchange.Redis;

namespace Shared.Live;

/// <summary>Redis pub/sub transport: one channel, every instance subscribed; delivery order is Redis's.</summary>
internal sealed class RedisTransport : ILiveUpdatesTransport
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("ua:live");
    private readonly IConnectionMultiplexer _redis;
    private readonly ILogger<RedisTransport> _log;

    public RedisTransport(IConnectionMultiplexer redis, ILogger<RedisTransport> log)
    {
        _redis = redis;
        _log = log;
        _redis.GetSubscriber().Subscribe(Channel).OnMessage(OnMessageAsync);
    }

    public event Func<LiveEvent, Task>? Received;

    public async Task PublishAsync(LiveEvent e, CancellationToken ct) =>
        await _redis.GetSubscriber().PublishAsync(Channel, JsonSerializer.Serialize(e, JsonSerializerOptions.Web));

    private async Task OnMessageAsync(ChannelMessage message)
    {
        try
        {
            var e = JsonSerializer.Deserialize<LiveEvent>(message.Message.ToString(), JsonSerializerOptions.Web);
            if (e is not null && Received is { } received) await received(e);
        }
        catch (Exception ex)
        {
            _log.LogWarning(ex, "Dropped a malformed live update from Redis");
        }
    }
}
