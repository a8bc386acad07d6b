using Bunit;
using Contracts.Upwork;
using Modules.Upwork.Components;

namespace UnitTests;

/// <summary>The job card of the Jobs page and the dashboard: text only, chips, budget, and its two actions.</summary>
public sealed class JobPostingCardTests : BunitContext
{
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
        cut.Markup.ShouldContain("Posted 2026-11-20 10:00:00Z");
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
    public void Demo_and_pasted_jobs_are_called_out()
    {
        Render<JobPostingCard>(p => p.Add(c => c.Posting, Job("Demo", demo: true, source: "demo"))).Find("[data-testid=demo-chip]").TextContent.ShouldBe("Demo");
        Render<JobPostingCard>(p => p.Add(c => c.Posting, Job("Mine", source: "paste"))).Markup.ShouldContain(">Pasted<");
    }

    [Fact]
    public void Open_and_track_are_buttons_that_hand_back_the_job_and_are_absent_without_a_handler()
    {
        var job = Job("Actionable");
        JobPostingSummary? opened = null, tracked = null;
        var cut = Render<JobPostingCard>(p => p.Add(c => c.Posting, job).Add(c => c.OnOpen, j => opened = j).Add(c => c.OnTrack, j => tracked = j));

        cut.Find("[data-testid=open-job]").Click();
        cut.Find("[data-testid=track-job]").Click();

        opened.ShouldBe(job);
        tracked.ShouldBe(job);
        cut.Find("[data-testid=track-job]").GetAttribute("aria-label").ShouldBe("Track Actionable as a proposal");
        var plain = Render<JobPostingCard>(p => p.Add(c => c.Posting, job));
        plain.FindAll("button").ShouldBeEmpty();
        plain.Find("h2").TextContent.Trim().ShouldBe("Actionable");
    }
}
