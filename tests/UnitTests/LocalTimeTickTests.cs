using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shared.Ui;

namespace UnitTests;

/// <summary>Relative times tick (issue 25): shown times age on the circuit's one timer, which runs only while needed.</summary>
public sealed class LocalTimeTickTests : BunitContext
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 17, 30, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Now);
    private readonly CountingClock _counting;

    /// <summary>The fake clock, counting the timers made from it.</summary>
    private sealed class CountingClock(FakeTimeProvider inner) : TimeProvider
    {
        public int TimersCreated { get; private set; }

        public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            TimersCreated++;
            return inner.CreateTimer(callback, state, dueTime, period);
        }
    }

    public LocalTimeTickTests()
    {
        _counting = new CountingClock(_clock);
        Services.AddSingleton<TimeProvider>(_counting);
        Services.AddScoped<BrowserTimeZone>();
        Services.AddScoped<RelativeTimeTicker>();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private static RenderFragment Times(params (DateTimeOffset At, string Id)[] times) => builder =>
    {
        foreach (var (at, id) in times)
        {
            builder.OpenComponent<LocalTime>(0);
            builder.SetKey(id);
            builder.AddAttribute(1, nameof(LocalTime.At), at);
            builder.AddAttribute(2, nameof(LocalTime.TestId), id);
            builder.CloseComponent();
        }
    };

    [Fact]
    public void A_shown_time_moves_from_just_now_to_one_minute_ago_as_the_clock_advances()
    {
        var cut = Render<LocalTime>(p => p.Add(c => c.At, Now));
        cut.Find("time").TextContent.ShouldBe("just now");

        _clock.Advance(TimeSpan.FromSeconds(30));
        cut.Find("time").TextContent.ShouldBe("just now");
        _clock.Advance(TimeSpan.FromSeconds(30));

        cut.WaitForAssertion(() => cut.Find("time").TextContent.ShouldBe("1 min ago"));
        _clock.Advance(TimeSpan.FromMinutes(59));
        cut.WaitForAssertion(() => cut.Find("time").TextContent.ShouldBe("1 h ago"));
    }

    [Fact]
    public void Every_time_on_the_page_shares_one_timer_and_a_time_older_than_a_day_needs_none()
    {
        var cut = Render(Times((Now, "a"), (Now.AddMinutes(-5), "b"), (Now.AddMinutes(10), "c"), (Now.AddDays(-3), "old")));
        var ticker = Services.GetRequiredService<RelativeTimeTicker>();

        _counting.TimersCreated.ShouldBe(1);
        ticker.Running.ShouldBeTrue();
        _clock.Advance(TimeSpan.FromMinutes(2));
        cut.WaitForAssertion(() =>
        {
            cut.Find("[data-testid=a]").TextContent.ShouldBe("2 min ago");
            cut.Find("[data-testid=b]").TextContent.ShouldBe("7 min ago");
            cut.Find("[data-testid=c]").TextContent.ShouldBe("in 8 min");
        });
        cut.Find("[data-testid=old]").TextContent.ShouldBe("4 Dec");
        _counting.TimersCreated.ShouldBe(1);
    }

    [Fact]
    public void Only_old_times_start_no_timer()
    {
        Render(Times((Now.AddDays(-2), "old"), (Now.AddDays(-400), "older")));

        _counting.TimersCreated.ShouldBe(0);
        Services.GetRequiredService<RelativeTimeTicker>().Running.ShouldBeFalse();
    }

    [Fact]
    public async Task The_timer_stops_when_the_last_time_is_removed()
    {
        Render(Times((Now, "a"), (Now.AddMinutes(-1), "b")));
        var ticker = Services.GetRequiredService<RelativeTimeTicker>();
        ticker.Running.ShouldBeTrue();

        await DisposeComponentsAsync();

        ticker.Running.ShouldBeFalse();
    }

    [Fact]
    public void A_time_that_ages_past_a_day_stops_listening()
    {
        var cut = Render<LocalTime>(p => p.Add(c => c.At, Now.AddHours(-23).AddMinutes(-59)));
        var ticker = Services.GetRequiredService<RelativeTimeTicker>();
        ticker.Running.ShouldBeTrue();

        _clock.Advance(TimeSpan.FromMinutes(2));

        cut.WaitForAssertion(() => cut.Find("time").TextContent.ShouldBe("6 Dec"));
        cut.WaitForAssertion(() => ticker.Running.ShouldBeFalse());
    }
}
