using System.Text.Json;
using StackExchange.Redis;

namespace Shared.Live;

/// <summary>
/// Redis pub/sub transport: one channel per deployment prefix, every instance subscribed. It connects in the
/// background at start-up (a Redis outage never blocks a page), and StackExchange.Redis resubscribes after a
/// reconnect. A publish that fails while Redis is down is logged and dropped: live updates are hints to reload,
/// the data itself is in the database.
/// </summary>
internal sealed class RedisTransport(Lazy<IConnectionMultiplexer> redis, IOptions<RedisOptions> options, ILogger<RedisTransport> log)
    : ILiveUpdatesTransport, IHostedService
{
    private readonly RedisChannel _channel = RedisChannel.Literal(options.Value.Prefix + ":live");

    public event Func<LiveEvent, Task>? Received;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Connecting waits up to the connect timeout; do it off the start-up path.
        _ = Task.Run(async () =>
        {
            try
            {
                var queue = await redis.Value.GetSubscriber().SubscribeAsync(_channel);
                queue.OnMessage(OnMessageAsync);
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Could not subscribe to Redis live updates; this instance will not see other instances' events until restarted");
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task PublishAsync(LiveEvent e, CancellationToken ct)
    {
        try
        {
            await redis.Value.GetSubscriber().PublishAsync(_channel, JsonSerializer.Serialize(e, JsonSerializerOptions.Web));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            log.LogWarning(ex, "Redis is unreachable: live update on {Topic} not delivered to other instances", e.Topic);
            if (Received is { } received) await received(e);   // this instance's subscribers still hear it
        }
    }

    private async Task OnMessageAsync(ChannelMessage message)
    {
        try
        {
            var e = JsonSerializer.Deserialize<LiveEvent>(message.Message.ToString(), JsonSerializerOptions.Web);
            if (e is not null && Received is { } received) await received(e);
        }
        catch (Exception ex)
        {
            log.LogWarning(ex, "Dropped a malformed live update from Redis");
        }
    }
}
