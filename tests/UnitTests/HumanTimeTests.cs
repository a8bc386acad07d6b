using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Shared.Ui;

namespace UnitTests;

/// <summary>Times as people read them (issue 25): relative when recent, the local date beyond a day, exact on hover.</summary>
public sealed class HumanTimeTests : BunitContext
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 17, 30, 0, TimeSpan.Zero);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Theory]
    [InlineData(0, "just now")]
    [InlineData(59, "just now")]
    [InlineData(4 * 60, "4 min ago")]
    [InlineData(59 * 60 + 59, "59 min ago")]
    [InlineData(3 * 3600 + 10, "3 h ago")]
    [InlineData(23 * 3600, "23 h ago")]
    public void Recent_times_are_relative(int secondsAgo, string expected) =>
        HumanTime.Relative(Now.AddSeconds(-secondsAgo), Now, TimeZoneInfo.Utc).ShouldBe(expected);

    [Fact]
    public void Beyond_a_day_the_local_date_shows_with_the_year_only_when_it_differs()
    {
        HumanTime.Relative(Now.AddDays(-2), Now, TimeZoneInfo.Utc).ShouldBe("5 Dec");
        HumanTime.Relative(Now.AddDays(-400), Now, TimeZoneInfo.Utc).ShouldBe("2 Nov 2025");
    }

    [Fact]
    public void The_date_is_the_browsers_local_date_not_utcs()
    {
        // 23:30 UTC on 4 Dec is already 5 Dec in Tokyo (UTC+9).
        var tokyo = HumanTime.Zone("Asia/Tokyo", 540);
        HumanTime.Relative(new DateTimeOffset(2026, 12, 4, 23, 30, 0, TimeSpan.Zero), Now, tokyo).ShouldBe("5 Dec");
        HumanTime.Exact(new DateTimeOffset(2026, 12, 4, 23, 30, 0, TimeSpan.Zero), tokyo).ShouldBe("5 Dec 2026, 08:30 (UTC+09:00)");
    }

    [Fact]
    public void Times_ahead_read_forwards()
    {
        HumanTime.Relative(Now.AddMinutes(20), Now, TimeZoneInfo.Utc).ShouldBe("in 20 min");
        HumanTime.Relative(Now.AddHours(5), Now, TimeZoneInfo.Utc).ShouldBe("in 5 h");
        HumanTime.Relative(Now.AddDays(3), Now, TimeZoneInfo.Utc).ShouldBe("10 Dec");
    }

    [Fact]
    public void An_unknown_zone_falls_back_to_the_offset_then_to_utc()
    {
        HumanTime.Zone("Not/AZone", -300).BaseUtcOffset.ShouldBe(TimeSpan.FromHours(-5));
        HumanTime.Exact(Now, HumanTime.Zone("Not/AZone", -300)).ShouldBe("7 Dec 2026, 12:30 (UTC-05:00)");
        HumanTime.Zone(null, null).ShouldBe(TimeZoneInfo.Utc);
        HumanTime.Zone("", 99_999).ShouldBe(TimeZoneInfo.Utc);
    }

    [Fact]
    public void The_component_shows_relative_text_with_the_exact_time_on_hover_and_the_instant_in_datetime()
    {
        Services.AddSingleton<TimeProvider>(new FixedClock(Now));
        Services.AddScoped<BrowserTimeZone>();
        Services.AddScoped<RelativeTimeTicker>();
        JSInterop.Mode = JSRuntimeMode.Loose;

        var cut = Render<LocalTime>(p => p.Add(c => c.At, Now.AddMinutes(-4)).Add(c => c.Prefix, "Posted "));

        var time = cut.Find("time");
        time.TextContent.ShouldBe("Posted 4 min ago");
        time.GetAttribute("title").ShouldBe("7 Dec 2026, 17:26 (UTC+00:00)");
        time.GetAttribute("datetime").ShouldBe("2026-12-07T17:26:00.0000000+00:00");
    }
}
