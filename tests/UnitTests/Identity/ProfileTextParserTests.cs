using Modules.Identity.Features.ManageProfiles;

namespace UnitTests.Identity;

/// <summary>An Upwork profile page's text, as a browser copies it, read into a profile draft (issue 25).</summary>
public sealed class ProfileTextParserTests
{
    // The shape of a real profile page after select-all and copy: name, location, badges, title, rate, overview with a
    // "more" link, counted section headings, paging controls, languages with levels, employment with dates.
    private const string Pasted = """
        Ana S.
        Lisbon, Portugal – 6:32 pm local time
        100% Job Success
        Top Rated
        Senior .NET & Blazor Developer | ASP.NET Core, Azure
        $65.00/hr
        I help SaaS teams ship fast, well-tested web apps in C# and Blazor.

        Over nine years I have built billing dashboards, migrated WCF services to ASP.NET Core and cut Azure bills by a third.
        more
        Total Earnings
        $50K+
        Portfolio (3)
        Invoice dashboard for a fintech startup
        Logistics tracking app
        WCF to .NET 8 migration
        1
        2
        Next
        Work history
        Completed jobs (12)
        Skills
        C#
        .NET
        Blazor
        ASP.NET Core
        Azure
        Entity Framework
        Languages
        English: Fluent
        Portuguese: Native or Bilingual
        Employment history
        Senior Software Engineer | Acme Ltd
        January 2019 - Present
        Software Developer | Northwind
        March 2016 - December 2018
        Education
        University of Lisbon
        """;

    private static readonly ProfileDraft Draft = ProfileTextParser.Parse(Pasted, 2026);

    [Fact]
    public void The_title_is_the_line_above_the_rate_and_the_rate_is_read()
    {
        Draft.Title.ShouldBe("Senior .NET & Blazor Developer | ASP.NET Core, Azure");
        Draft.HourlyRate.ShouldBe(65m);
    }

    [Fact]
    public void The_overview_keeps_its_paragraphs_and_drops_page_chrome()
    {
        Draft.Overview.ShouldNotBeNull();
        Draft.Overview.ShouldStartWith("I help SaaS teams ship fast, well-tested web apps in C# and Blazor.\n\nOver nine years");
        Draft.Overview.ShouldNotContain("more\n");
        Draft.Overview.ShouldNotContain("Total Earnings");
        Draft.Overview.ShouldNotContain("Job Success");
    }

    [Fact]
    public void Skills_portfolio_and_languages_come_from_their_sections()
    {
        Draft.Skills.ShouldBe(["C#", ".NET", "Blazor", "ASP.NET Core", "Azure", "Entity Framework"]);
        Draft.Portfolio.Select(p => p.Title).ShouldBe(["Invoice dashboard for a fintech startup", "Logistics tracking app", "WCF to .NET 8 migration"]);
        Draft.Languages.ShouldBe(["English", "Portuguese"]);
    }

    [Fact]
    public void Employment_becomes_evidence_in_the_overview_and_years_of_experience()
    {
        Draft.Overview!.ShouldContain("Employment: Senior Software Engineer at Acme Ltd (January 2019 - Present); Software Developer at Northwind (March 2016 - December 2018).");
        Draft.YearsOfExperience.ShouldBe(10);
        Draft.Overview!.ShouldNotContain("University of Lisbon");
    }

    [Fact]
    public void Skills_on_one_line_and_a_page_without_a_rate_still_give_a_title()
    {
        var draft = ProfileTextParser.Parse("""
            Technical writer for developer tools and APIs
            I write docs developers actually read.
            Skills
            Technical Writing, API Documentation, Markdown
            """, 2026);

        draft.Title.ShouldBe("Technical writer for developer tools and APIs");
        draft.HourlyRate.ShouldBeNull();
        draft.Overview.ShouldBe("I write docs developers actually read.");
        draft.Skills.ShouldBe(["Technical Writing", "API Documentation", "Markdown"]);
    }

    [Fact]
    public void Empty_or_junk_text_gives_an_empty_draft_not_an_error()
    {
        var draft = ProfileTextParser.Parse("  \n\n ", 2026);
        draft.Title.ShouldBe("");
        draft.Overview.ShouldBeNull();
        draft.Skills.ShouldBeEmpty();
        ProfileTextParser.Parse(new string('x', 100_000), 2026).Title.Length.ShouldBeLessThanOrEqualTo(200);
    }
}
