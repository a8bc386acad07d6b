using Microsoft.Extensions.Logging.Abstractions;
using Shared.Live;

namespace UnitTests;

public sealed class LiveUpdatesTests
{
    private readonly LiveUpdates _live = new(new InProcessTransport(), NullLogger<LiveUpdates>.Instance);

    [Fact]
    public async Task Subscribers_of_a_topic_get_its_events_and_only_its_events()
    {
        var seen = new List<string>();
        using var jobs = _live.Subscribe("jobs", e => { seen.Add(e.Read<string>()!); return Task.CompletedTask; });

        await _live.PublishAsync("jobs", "new job");
        await _live.PublishAsync("proposals", "not for me");

        seen.ShouldBe(["new job"]);
    }

    [Fact]
    public async Task A_disposed_subscription_receives_nothing_more()
    {
        var count = 0;
        var subscription = _live.Subscribe("jobs", () => { count++; return Task.CompletedTask; });
        await _live.PublishAsync("jobs", 1);

        subscription.Dispose();
        subscription.Dispose();
        await _live.PublishAsync("jobs", 2);

        count.ShouldBe(1);
        _live.SubscriberCount("jobs").ShouldBe(0);
    }

    [Fact]
    public async Task A_failing_subscriber_does_not_stop_the_others()
    {
        var delivered = false;
        using var broken = _live.Subscribe("jobs", () => throw new ObjectDisposedException("circuit"));
        using var healthy = _live.Subscribe("jobs", () => { delivered = true; return Task.CompletedTask; });

        await _live.PublishAsync("jobs", "x");

        delivered.ShouldBeTrue();
    }
}
