using Bunit;
using Contracts.Upwork;
using Microsoft.Extensions.DependencyInjection;
using Modules.Upwork.Components;

namespace UnitTests;

/// <summary>The job card of the Jobs page and the dashboard: text only, chips, budget, and its two actions.</summary>
public sealed class JobPostingCardTests : BunitContext
{
    public JobPostingCardTests()
    {
        Services.AddSingleton(TimeProvider.System);
        Services.AddScoped<Shared.Ui.BrowserTimeZone>();
        Services.AddScoped<Shared.Ui.RelativeTimeTicker>();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private static JobPostingSummary Job(string title, int? fit = null, bool demo = false, string source = "upwork") =>
        new(Guid.NewGuid(), "~01", title, "hourly", 40m, 70m, ["Python", "<b>SQL</b>"], DateTimeOffset.Parse("2026-11-20T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture), source, demo, fit);

    [Fact]
    public void Hostile_text_in_a_job_is_shown_as_text_never_as_markup()
    {
        var cut = Render<JobPostingCard>(p => p.Add(c => c.Posting, Job("<img src=x onerror=alert(1)> Scraper")));

        cut.FindAll("img").ShouldBeEmpty();
        cut.FindAll("b").ShouldBeEmpty();
        cut.Find("h2").TextContent.Trim().ShouldBe("<img src=x onerror=alert(1)> Scraper");
        cut.FindAll(".job-card-skills li").Select(li => li.TextContent).ShouldBe(["Python", "<b>SQL</b>"]);
        cut.Find(".job-card-budget").TextContent.ShouldBe("$40–$70/hr");
        cut.Find("time").GetAttribute("datetime").ShouldBe("2026-11-20T10:00:00.0000000+00:00");
    }

    [Fact]
    public void Red_flag_reasons_quoting_hostile_text_render_as_text_and_dismissed_flags_are_left_off()
    {
        var flags = new[]
        {
            new JobRedFlag(RedFlagCodes.OffPlatform, "high", "Asks to talk outside Upwork (“<script>alert(1)</script> add me on telegram”)."),
            new JobRedFlag(RedFlagCodes.PaymentNotVerified, "medium", "Not verified.", Dismissed: true),
        };

        var cut = Render<JobPostingCard>(p => p.Add(c => c.Posting, Job("Scraper")).Add(c => c.RedFlags, flags));

        cut.FindAll("script").ShouldBeEmpty();
        var chip = cut.Find("[data-testid=card-red-flags] li");
        chip.GetAttribute("data-code").ShouldBe(RedFlagCodes.OffPlatform);
        chip.TextContent.ShouldContain("<script>alert(1)</script> add me on telegram");
        chip.GetAttribute("title")!.ShouldContain("<script>");
        cut.FindAll("[data-testid=card-red-flags] li").Count.ShouldBe(1);
    }

    [Theory]
    [InlineData(82, "job-chip-success")]
    [InlineData(50, "job-chip-warning")]
    [InlineData(20, "job-chip-default")]
    public void The_fit_chip_is_coloured_by_score(int fit, string css)
    {
        var cut = Render<JobPostingCard>(p => p.Add(c => c.Posting, Job("Fit", fit)));

        var chip = cut.Find("[data-testid=fit-chip]");
        chip.TextContent.ShouldBe($"Fit {fit}");
        chip.ClassList.ShouldContain(css);
    }

    [Fact]
    public void An_hourly_job_with_equal_bounds_shows_one_rate()
    {
        var job = Job("Flat") with { BudgetMin = 10m, BudgetMax = 10m };
        Render<JobPostingCard>(p => p.Add(c => c.Posting, job)).Find(".job-card-budget").TextContent.ShouldBe("$10/hr");
    }

    [Fact]
    public void Demo_and_pasted_jobs_are_called_out()
    {
        Render<JobPostingCard>(p => p.Add(c => c.Posting, Job("Demo", demo: true, source: "demo"))).Find("[data-testid=demo-chip]").TextContent.ShouldBe("Demo");
        Render<JobPostingCard>(p => p.Add(c => c.Posting, Job("Mine", source: "paste"))).Markup.ShouldContain(">Pasted<");
    }

    [Fact]
    public void The_title_is_a_link_to_the_jobs_page_a_plain_click_opens_the_quick_look_and_track_is_absent_without_a_handler()
    {
        var job = Job("Actionable");
        JobPostingSummary? opened = null, tracked = null;
        var cut = Render<JobPostingCard>(p => p.Add(c => c.Posting, job).Add(c => c.OnOpen, j => opened = j).Add(c => c.OnTrack, j => tracked = j));

        var link = cut.Find("[data-testid=open-job]");
        link.GetAttribute("href").ShouldBe($"/jobs/{job.Id}");
        link.GetAttribute("data-quick-open").ShouldBe("true");
        link.Click(new Microsoft.AspNetCore.Components.Web.MouseEventArgs { CtrlKey = true });
        opened.ShouldBeNull();   // Ctrl+click is the browser's: a new tab, no drawer
        link.Click();
        cut.Find("[data-testid=track-job]").Click();

        opened.ShouldBe(job);
        tracked.ShouldBe(job);
        cut.Find("[data-testid=track-job]").GetAttribute("aria-label").ShouldBe("Track Actionable as a proposal");
        var plain = Render<JobPostingCard>(p => p.Add(c => c.Posting, job));
        plain.FindAll("button").ShouldBeEmpty();
        plain.Find("h2 a").GetAttribute("href").ShouldBe($"/jobs/{job.Id}");
        plain.Find("h2 a").HasAttribute("data-quick-open").ShouldBeFalse();
    }
}

/// <summary>Issue 24: a teammate's claim on the job card, "Claimed by Anna, 12 min ago", timed by the app's clock.</summary>
public sealed class JobPostingCardClaimTests : BunitContext
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-20T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    public JobPostingCardClaimTests()
    {
        Services.AddSingleton<TimeProvider>(new FixedClock(Now));
        Services.AddScoped<Shared.Ui.BrowserTimeZone>();
        Services.AddScoped<Shared.Ui.RelativeTimeTicker>();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private static JobPostingSummary Job() =>
        new(Guid.NewGuid(), "~01", "Claimed job", "hourly", 40m, 70m, [], Now.AddHours(-1), "upwork", false, null);

    [Fact]
    public void A_teammates_claim_names_them_and_how_long_ago_and_the_viewers_own_says_you()
    {
        var teammate = Render<JobPostingCard>(p => p.Add(c => c.Posting, Job()).Add(c => c.ClaimedBy, "Anna").Add(c => c.ClaimedAt, Now.AddMinutes(-12)));
        var mine = Render<JobPostingCard>(p => p.Add(c => c.Posting, Job()).Add(c => c.ClaimedBy, "Ben").Add(c => c.ClaimedAt, Now.AddMinutes(-3)).Add(c => c.ClaimMine, true));
        var none = Render<JobPostingCard>(p => p.Add(c => c.Posting, Job()));

        teammate.Find("[data-testid=card-claim]").TextContent.Trim().ShouldBe("Claimed by Anna, 12 min ago");
        mine.Find("[data-testid=card-claim]").TextContent.Trim().ShouldBe("Claimed by you, 3 min ago");
        none.FindAll("[data-testid=card-claim]").ShouldBeEmpty();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
